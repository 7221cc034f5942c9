#!/usr/bin/env python3
"""PyTorch (eager) twin of the project's UMDF network and training step, for paired speed and
memory comparisons with the Java (DJL) implementation. Not a second implementation of the project:
it has no data readers, no evaluation and no model saving, and it trains on random tensors.

Mirrors, module for module and with the same parameter shapes (1,234,563 parameters on
mosi-aligned with the MOSI defaults):
  umdf-nn/.../model/UmdfModel.java, UmdfNetwork.java, UmdfConfig.java (defaults = configs/umdf-mosi.xml)
  umdf-nn/.../block/*.java (ModalityProjection, SinusoidalPositions, CrossmodalAttention, McimLayer,
      Mcim, EncoderLayer, TransformerEncoder, FeedForward, Dfim, PredictionHead, TemporalResampler, Masks)
  umdf-nn/.../loss/Mmd.java, TaskLoss.java (regression: MSE task loss, MSE logits distillation)
  umdf-nn/.../train/TrainingLoop.java (Stepper.step: two missing views per sample in one batched
      forward pass, full objective, backward, global-norm clipping at 0.8, Adam lr 1e-3)
  umdf-nn/.../missing/TrainingViewSampler.java (uniform non-empty modality subset per view, frame
      drop rate uniform in [0, 0.5], dropped frames become zero vectors)
  umdf-tools/.../bench/Benchmarks.java (one warm-up step, then `steps` timed steps; inference on
      complete masks, one-stream path)

Run with Debian's torch: /usr/bin/python3 benchmarks/pytorch/umdf_twin.py --help
"""

import argparse
import itertools
import math
import os
import platform
import resource
import sys
import time

import torch
import torch.nn as nn
import torch.nn.functional as F

HAS_SDPA = hasattr(F, "scaled_dot_product_attention")
MASKED_SCORE = -1e9  # Masks.MASKED_SCORE: finite, so a fully masked row never gives NaN

MODALITIES = ("language", "audio", "vision")  # Modality enum order (canonical order everywhere)

# SyntheticPresets: (T, d) per modality; aligned presets share one valid length per sample.
PRESETS = {
    "mosi-aligned": {"aligned": True, "shapes": {"language": (50, 300), "audio": (50, 5), "vision": (50, 20)}},
    "mosi-unaligned": {"aligned": False, "shapes": {"language": (50, 300), "audio": (375, 5), "vision": (500, 20)}},
}
MIN_ALIGNED_LENGTH = 8  # PlantedSignal.MIN_ALIGNED_LENGTH
LABEL_BOUND = 3.0


class Config:
    """UmdfConfig defaults (the paper's MOSI settings) and TrainingConfig defaults."""

    def __init__(self, equal_attn_dropout=False, norm="pre", mask_missing_keys=False, attn_dropout_unit="weight"):
        self.model_dim = 40
        self.depth = 4
        self.heads = 10
        self.encoder_layers = 2
        self.projection_kernel = 3
        self.gate_kernel = 3
        self.embed_dropout = 0.25
        a = 0.1
        self.attn_dropout = {"language": a, "audio": a if equal_attn_dropout else 0.0,
                             "vision": a if equal_attn_dropout else 0.0}
        self.encoder_attn_dropout = 0.1
        self.attn_dropout_unit = attn_dropout_unit  # UmdfConfig.attnDropoutUnit: "weight" (MulT) or "key"
        self.relu_dropout = 0.1
        self.res_dropout = 0.1
        self.out_dropout = 0.0
        self.norm = norm  # D4: "pre" (default) or "post"
        self.mask_missing_keys = mask_missing_keys  # D2: default off, keys masked for padding only
        self.lambda_feature = 0.1
        self.lambda_logits = 1.0
        self.auxiliary_task_weight = 1.0
        self.mmd_kernels = 5
        self.mmd_kernel_multiplier = 2.0
        # TrainingConfig
        self.learning_rate = 1e-3
        self.grad_clip_norm = 0.8
        self.min_frame_rate = 0.0
        self.max_frame_rate = 0.5

    def encoder_heads(self, joint_dim):
        h = self.heads
        while joint_dim % h != 0:
            h -= 1
        return h


# ---------------------------------------------------------------------------------------------
# Blocks
# ---------------------------------------------------------------------------------------------

def sinusoidal_table(length, dim):
    """SinusoidalPositions: PE(t, 2i) = sin(t / 10000^(2i/d)), PE(t, 2i+1) = cos(...)."""
    pe = torch.zeros(length, dim, dtype=torch.float64)
    t = torch.arange(length, dtype=torch.float64).unsqueeze(1)
    i = torch.arange(0, dim, 2, dtype=torch.float64)
    angle = t / torch.pow(10000.0, i / dim)
    pe[:, 0::2] = torch.sin(angle)
    pe[:, 1::2] = torch.cos(angle[:, : dim // 2])
    return pe.float().unsqueeze(0)  # (1, T, d)


class ModalityProjection(nn.Module):
    """Z_m = dropout(sqrt(d) * Conv1d_{d_m -> d, k, no bias}(X_m) + PE)."""

    def __init__(self, input_dim, dim, kernel, embed_dropout, length):
        super().__init__()
        self.dim = dim
        self.embed_dropout = embed_dropout
        self.conv = nn.Conv1d(input_dim, dim, kernel, padding=kernel // 2, bias=False)
        self.register_buffer("pe", sinusoidal_table(length, dim), persistent=False)

    def forward(self, x):  # (B, T, d_m)
        z = self.conv(x.transpose(1, 2)).transpose(1, 2)
        z = z * math.sqrt(self.dim) + self.pe[:, : x.shape[1]]
        return F.dropout(z, self.embed_dropout, self.training)


class CrossmodalAttention(nn.Module):
    """Multi-head attention, queries from the target, keys/values from the source (one fused K|V
    projection), key mask (B, Tk) with 1 = attend; a row whose keys are all masked outputs zero."""

    def __init__(self, dim, heads, attention_dropout, dropout_unit="weight"):
        super().__init__()
        assert dim % heads == 0
        self.dim = dim
        self.heads = heads
        self.attention_dropout = attention_dropout
        self.dropout_unit = dropout_unit
        self.query = nn.Linear(dim, dim)
        self.keyValue = nn.Linear(dim, 2 * dim)
        self.output = nn.Linear(dim, dim)

    def forward(self, target, source, key_mask=None):
        b, tq, _ = target.shape
        tk = source.shape[1]
        h = self.heads
        dh = self.dim // h
        q = self.query(target).view(b, tq, h, dh).transpose(1, 2)  # (B, H, Tq, dh)
        kv = self.keyValue(source).view(b, tk, 2, h, dh).permute(2, 0, 3, 1, 4)  # (2, B, H, Tk, dh)
        k, v = kv[0], kv[1]
        bias = None
        if key_mask is not None:
            bias = ((key_mask - 1.0) * -MASKED_SCORE).view(b, 1, 1, tk)  # 0 = attend, -1e9 = masked
        p = self.attention_dropout if self.training else 0.0
        if p > 0 and self.dropout_unit == "key":
            # AttentionDropoutUnit.KEY: key j of a head dropped for all its queries = values scaled per key
            v = v * F.dropout(torch.ones(b, h, tk, 1, dtype=v.dtype, device=v.device), p, True)
            p = 0.0
        if HAS_SDPA:
            context = F.scaled_dot_product_attention(q, k, v, attn_mask=bias, dropout_p=p)
        else:
            scores = (q * (1.0 / math.sqrt(dh))) @ k.transpose(-2, -1)  # (B, H, Tq, Tk)
            if bias is not None:
                scores = scores + bias
            weights = scores.softmax(-1)
            if p > 0:
                weights = F.dropout(weights, p, True)
            context = weights @ v
        out = self.output(context.transpose(1, 2).reshape(b, tq, self.dim))
        if key_mask is not None:
            out = out * key_mask.amax(-1).view(b, 1, 1)
        return out


class FeedForward(nn.Module):
    """Linear(d, 4d) - ReLU - dropout - Linear(4d, d)."""

    def __init__(self, dim, hidden, relu_dropout):
        super().__init__()
        self.relu_dropout = relu_dropout
        self.expand = nn.Linear(dim, hidden)
        self.contract = nn.Linear(hidden, dim)

    def forward(self, x):
        return self.contract(F.dropout(F.relu(self.expand(x)), self.relu_dropout, self.training))


class McimLayer(nn.Module):
    """One MCIM layer for one target: coarse attention over Z_LAV, one fine branch per other
    modality over [Z_m; Z_o], feed-forward; pre-norm (MulT's code, the default) or post-norm."""

    def __init__(self, dim, heads, fine_branches, attn_dropout, relu_dropout, res_dropout, norm, attn_unit="weight"):
        super().__init__()
        self.norm = norm
        self.res_dropout = res_dropout
        self.coarseCrossmodalAttention = CrossmodalAttention(dim, heads, attn_dropout, attn_unit)
        self.coarseNorm = nn.LayerNorm(dim)
        self.fineCrossmodalAttention = nn.ModuleList(
            [CrossmodalAttention(dim, heads, attn_dropout, attn_unit) for _ in range(fine_branches)])
        self.fineNorm = nn.ModuleList([nn.LayerNorm(dim) for _ in range(fine_branches)])
        self.feedForward = FeedForward(dim, 4 * dim, relu_dropout)
        self.feedForwardNorm = nn.LayerNorm(dim)

    def drop(self, a):
        return F.dropout(a, self.res_dropout, self.training)

    def forward(self, x, coarse_source, coarse_mask, fine_sources, fine_masks):
        if self.norm == "pre":
            q = self.coarseNorm(x)
            zc = x + self.drop(self.coarseCrossmodalAttention(q, self.coarseNorm(coarse_source), coarse_mask))
            zf = None
            for att, ln, src, msk in zip(self.fineCrossmodalAttention, self.fineNorm, fine_sources, fine_masks):
                branch = zc + self.drop(att(ln(zc), ln(src), msk))
                zf = branch if zf is None else zf + branch
            if zf is None:
                zf = zc
            return zf + self.drop(self.feedForward(self.feedForwardNorm(zf)))
        zc = self.coarseNorm(self.drop(self.coarseCrossmodalAttention(x, coarse_source, coarse_mask)) + x)
        zf = None
        for att, ln, src, msk in zip(self.fineCrossmodalAttention, self.fineNorm, fine_sources, fine_masks):
            branch = ln(self.drop(att(zc, src, msk)) + zc)
            zf = branch if zf is None else zf + branch
        if zf is None:
            zf = zc
        return self.feedForwardNorm(self.drop(self.feedForward(zf)) + zf)


class Mcim(nn.Module):
    """Projections, then `depth` layers per target with keys/values from the low-level Z (SPEC D1);
    the source concatenations are built once and shared; pre-norm adds a final LayerNorm per modality."""

    def __init__(self, shapes, cfg):
        super().__init__()
        d = cfg.model_dim
        self.modalities = [m for m in MODALITIES if m in shapes]
        self.projection = nn.ModuleDict({m: ModalityProjection(shapes[m][1], d, cfg.projection_kernel,
                                                               cfg.embed_dropout, shapes[m][0])
                                         for m in self.modalities})
        self.layer = nn.ModuleList([
            nn.ModuleDict({m: McimLayer(d, cfg.heads, len(self.modalities) - 1, cfg.attn_dropout[m],
                                        cfg.relu_dropout, cfg.res_dropout, cfg.norm, cfg.attn_dropout_unit)
                        for m in self.modalities})
            for _ in range(cfg.depth)])
        self.finalNorm = nn.ModuleDict({m: nn.LayerNorm(d) for m in self.modalities}) if cfg.norm == "pre" else None

    def forward(self, inputs, key_masks):
        z = {m: self.projection[m](inputs[m]) for m in self.modalities}
        any_mask = any(key_masks.get(m) is not None for m in self.modalities)

        def mask_or_ones(m):
            k = key_masks.get(m)
            if k is not None or not any_mask:
                return k
            return z[m].new_ones(z[m].shape[:2])

        every = torch.cat([z[m] for m in self.modalities], 1)
        every_mask = torch.cat([mask_or_ones(m) for m in self.modalities], 1) if any_mask else None
        pairs, pair_masks = {}, {}
        for a, b in itertools.combinations(self.modalities, 2):  # canonical order a < b
            pairs[(a, b)] = torch.cat([z[a], z[b]], 1)
            both_none = key_masks.get(a) is None and key_masks.get(b) is None
            pair_masks[(a, b)] = None if both_none else torch.cat([mask_or_ones(a), mask_or_ones(b)], 1)

        def key(m, o):
            return (m, o) if MODALITIES.index(m) < MODALITIES.index(o) else (o, m)

        x = dict(z)
        for layer in self.layer:
            nxt = {}
            for m in self.modalities:
                others = [o for o in self.modalities if o != m]
                nxt[m] = layer[m](x[m], every, every_mask, [pairs[key(m, o)] for o in others],
                                  [pair_masks[key(m, o)] for o in others])
            x = nxt
        if self.finalNorm is not None:
            x = {m: self.finalNorm[m](x[m]) for m in self.modalities}
        return x


class EncoderLayer(nn.Module):
    """Transformer encoder layer with LayerNorm, pre-norm (default) or post-norm."""

    def __init__(self, dim, heads, attn_dropout, relu_dropout, res_dropout, norm, attn_unit="weight"):
        super().__init__()
        self.norm = norm
        self.res_dropout = res_dropout
        self.selfAttention = CrossmodalAttention(dim, heads, attn_dropout, attn_unit)
        self.attentionNorm = nn.LayerNorm(dim)
        self.feedForward = FeedForward(dim, 4 * dim, relu_dropout)
        self.feedForwardNorm = nn.LayerNorm(dim)

    def drop(self, a):
        return F.dropout(a, self.res_dropout, self.training)

    def forward(self, x, key_mask):
        if self.norm == "pre":
            n = self.attentionNorm(x)
            y = x + self.drop(self.selfAttention(n, n, key_mask))
            return y + self.drop(self.feedForward(self.feedForwardNorm(y)))
        y = self.attentionNorm(self.drop(self.selfAttention(x, x, key_mask)) + x)
        return self.feedForwardNorm(self.drop(self.feedForward(y)) + y)


class TransformerEncoder(nn.Module):
    def __init__(self, dim, heads, depth, attn_dropout, relu_dropout, res_dropout, norm, attn_unit="weight"):
        super().__init__()
        self.layer = nn.ModuleList([EncoderLayer(dim, heads, attn_dropout, relu_dropout, res_dropout, norm, attn_unit)
                                    for _ in range(depth)])
        self.finalNorm = nn.LayerNorm(dim) if norm == "pre" else None

    def forward(self, x, key_mask):
        for layer in self.layer:
            x = layer(x, key_mask)
        return x if self.finalNorm is None else self.finalNorm(x)


def masked_softmax(scores, mask):
    """Masks.maskedSoftmax over the last axis of (B, T); rows without a kept position give zeros."""
    if mask is None:
        return scores.softmax(-1)
    return (scores + (mask - 1.0) * -MASKED_SCORE).softmax(-1) * mask.amax(-1, keepdim=True)


class Dfim(nn.Module):
    """H~_k = H_k + softmax_T(score(H_k)) * H_k; mu = sigmoid(Conv1d_{2D -> D, 3}([H~_a | H~_b]));
    H_e = mu * H~_a + (1 - mu) * H~_b. Identical streams (one-stream inference): H_e = H~."""

    def __init__(self, dim, gate_kernel):
        super().__init__()
        self.frameScore = nn.Linear(dim, 1)
        self.gate = nn.Conv1d(2 * dim, dim, gate_kernel, padding=gate_kernel // 2)

    def enhance(self, h, mask):
        m = masked_softmax(self.frameScore(h).squeeze(2), mask).unsqueeze(2)
        return h + m * h

    def fuse(self, ha, hb, mask):
        ea = self.enhance(ha, mask)
        eb = self.enhance(hb, mask)
        mu = torch.sigmoid(self.gate(torch.cat([ea, eb], 2).transpose(1, 2))).transpose(1, 2)
        return mu * ea + (1 - mu) * eb

    def fuse_identical(self, h, mask):
        return self.enhance(h, mask)


class PredictionHead(nn.Module):
    """y = Linear_{D -> out}(h + dropout(ReLU(Linear_{D -> D}(h))))."""

    def __init__(self, dim, outputs, out_dropout):
        super().__init__()
        self.out_dropout = out_dropout
        self.hidden = nn.Linear(dim, dim)
        self.out = nn.Linear(dim, outputs)

    def forward(self, h):
        return self.out(F.dropout(F.relu(self.hidden(h)), self.out_dropout, self.training) + h)


def resampling_matrix(t_out, t_in):
    """TemporalResampler ADAPTIVE_AVG_POOL matrix (1, T_out, T_in)."""
    p = torch.zeros(t_out, t_in)
    for i in range(t_out):
        start = (i * t_in) // t_out
        end = -((-(i + 1) * t_in) // t_out)  # ceil
        p[i, start:end] = 1.0 / (end - start)
    return p.unsqueeze(0)


def last_valid_index(valid):
    """Masks.lastValidOneHot as an index: the last valid position of each row, T-1 for a row without any."""
    t = valid.shape[1]
    idx = (valid * torch.arange(1, t + 1, dtype=valid.dtype)).argmax(1)
    return torch.where(valid.amax(1) == 0, torch.full_like(idx, t - 1), idx)


def select_step(x, idx):
    """Masks.selectStep: per row the step idx of x (B, T, D) -> (B, D)."""
    return x[torch.arange(x.shape[0]), idx]


class UmdfNetwork(nn.Module):
    def __init__(self, shapes, cfg, outputs=1):
        super().__init__()
        self.cfg = cfg
        self.modalities = [m for m in MODALITIES if m in shapes]
        self.reference = "language" if "language" in shapes else self.modalities[0]
        self.t_ref = shapes[self.reference][0]
        joint = cfg.model_dim * len(self.modalities)
        eh = cfg.encoder_heads(joint)
        self.mcim = Mcim(shapes, cfg)
        self.jointEncoder = TransformerEncoder(joint, eh, cfg.encoder_layers, cfg.encoder_attn_dropout,
                                               cfg.relu_dropout, cfg.res_dropout, cfg.norm, cfg.attn_dropout_unit)
        self.dfim = Dfim(joint, cfg.gate_kernel)
        self.fusedEncoder = TransformerEncoder(joint, eh, cfg.encoder_layers, cfg.encoder_attn_dropout,
                                               cfg.relu_dropout, cfg.res_dropout, cfg.norm, cfg.attn_dropout_unit)
        self.predictionHead = PredictionHead(joint, outputs, cfg.out_dropout)
        self.logitsHead = nn.Linear(joint, outputs)
        for m in self.modalities:
            t = shapes[m][0]
            if t != self.t_ref:
                self.register_buffer("resample_" + m, resampling_matrix(self.t_ref, t), persistent=False)
        self.initialize()

    def initialize(self):
        """Initialization.glorot: weights Xavier-uniform (averaged fans), biases 0, LayerNorm gains 1."""
        for mod in self.modules():
            if isinstance(mod, (nn.Linear, nn.Conv1d)):
                nn.init.xavier_uniform_(mod.weight)
                if mod.bias is not None:
                    nn.init.zeros_(mod.bias)
            elif isinstance(mod, nn.LayerNorm):
                nn.init.ones_(mod.weight)
                nn.init.zeros_(mod.bias)

    def resample(self, m, x, valid):
        if x.shape[1] == self.t_ref:
            return x, valid
        p = getattr(self, "resample_" + m)
        if valid is None:
            return p @ x, None
        mk = valid.unsqueeze(2)
        weight = p @ mk
        y = (p @ (x * mk)) / weight.clamp_min(1e-6)
        valid_out = (weight.squeeze(2) > 0).to(valid.dtype)
        return y * valid_out.unsqueeze(2), valid_out

    def encode(self, features, valid, observed):
        """MCIM and the joint encoder: H (N, T, D), its validity (or None) and the last valid step."""
        src = observed if self.cfg.mask_missing_keys else valid
        key_masks = {m: src.get(m) for m in self.modalities}
        zh = self.mcim(features, key_masks)
        parts, valids = [], []
        for m in self.modalities:
            y, v = self.resample(m, zh[m], valid.get(m))
            parts.append(y)
            valids.append(v)
        joint = torch.cat(parts, 2)
        jv = None
        if any(v is not None for v in valids):
            for v in valids:
                vv = v if v is not None else joint.new_ones(joint.shape[:2])
                jv = vv if jv is None else torch.maximum(jv, vv)
        h = self.jointEncoder(joint, jv)
        last = last_valid_index(jv if jv is not None else joint.new_ones(joint.shape[:2]))
        return h, jv, last

    def predict_one_stream(self, features, valid):
        """UmdfModel.predict, ONE_STREAM (the default inference mode)."""
        h, jv, last = self.encode(features, valid, valid)
        hbar = self.fusedEncoder(self.dfim.fuse_identical(h, jv), jv)
        return self.predictionHead(select_step(hbar, last))

    def loss(self, features, valid, observed, targets):
        """UmdfModel.loss on 2B rows (view a rows, then view b rows): the full objective."""
        cfg = self.cfg
        b = targets.shape[0]
        h, jv, last = self.encode(features, valid, observed)
        ha, hb = h[:b], h[b:]
        v = None if jv is None else jv[:b]
        la_idx = last[:b]
        he = self.dfim.fuse(ha, hb, v)
        yhat = self.predictionHead(select_step(self.fusedEncoder(he, v), la_idx))
        parts = {"task": F.mse_loss(yhat, targets)}
        total = parts["task"]
        if cfg.lambda_logits > 0 or cfg.auxiliary_task_weight > 0:
            logits = self.logitsHead(select_step(h, last))
            la, lb = logits[:b], logits[b:]
            if cfg.auxiliary_task_weight > 0:
                parts["aux"] = 0.5 * (F.mse_loss(la, targets) + F.mse_loss(lb, targets))
                total = total + cfg.auxiliary_task_weight * parts["aux"]
            if cfg.lambda_logits > 0:
                parts["logits"] = (la - lb).square().mean()
                total = total + cfg.lambda_logits * parts["logits"]
        if cfg.lambda_feature > 0 and b >= 2:
            parts["feature"] = mmd2(select_step(ha, la_idx), select_step(hb, la_idx), cfg.mmd_kernels,
                                    cfg.mmd_kernel_multiplier)
            total = total + cfg.lambda_feature * parts["feature"]
        return total, parts


def mmd2(a, b, kernels, multiplier):
    """Mmd.mmd2, biased estimator: multi-kernel RBF around the (constant) mean pairwise squared distance."""
    n = a.shape[0]
    total = torch.cat([a, b], 0)
    sq = total.square().sum(1, keepdim=True)
    dist = (sq + sq.t() - 2 * (total @ total.t())).clamp_min(0)
    m = 2 * n
    mean_dist = dist.detach().sum().item() / (m * m - m)
    base = max(mean_dist, 1e-12) / multiplier ** (kernels // 2)
    k = None
    for i in range(kernels):
        ki = torch.exp(dist / (-base * multiplier ** i))
        k = ki if k is None else k + ki
    return k[:n, :n].mean() + k[n:, n:].mean() - k[:n, n:].mean() - k[n:, :n].mean()


# ---------------------------------------------------------------------------------------------
# Parameter counts per component (UmdfNetwork.parameterCounts order and names)
# ---------------------------------------------------------------------------------------------

def component_of(name):
    parts = name.split(".")
    if parts[0] == "mcim":
        if parts[1] == "projection":
            return "mcim.projection." + parts[2]
        if parts[1] == "finalNorm":
            return "mcim.layerNorm"
        child = parts[4]  # mcim.layer.<l>.<modality>.<child>...
        if child in ("coarseCrossmodalAttention",):
            return "mcim.coarseAttention"
        if child == "fineCrossmodalAttention":
            return "mcim.fineAttention"
        if child == "feedForward":
            return "mcim.feedForward"
        return "mcim.layerNorm"
    return parts[0]


def parameter_counts(net):
    counts = {}
    for name, p in net.named_parameters():
        c = component_of(name)
        counts[c] = counts.get(c, 0) + p.numel()
    return counts


# ---------------------------------------------------------------------------------------------
# Data: random samples shaped like the synthetic preset, missing views like TrainingViewSampler
# ---------------------------------------------------------------------------------------------

class Batch:
    """`batch` random samples: features (zero beyond each sample's valid length), validity, labels."""

    def __init__(self, preset, batch, gen):
        spec = PRESETS[preset]
        self.shapes = spec["shapes"]
        self.features, self.valid = {}, {}
        lengths = {}
        if spec["aligned"]:
            t = self.shapes["language"][0]
            lo = min(t, max(MIN_ALIGNED_LENGTH, t // 4))
            common = torch.randint(lo, t + 1, (batch,), generator=gen)
            lengths = {m: common for m in MODALITIES}
        else:
            for m in MODALITIES:
                t = self.shapes[m][0]
                lengths[m] = torch.randint(max(1, t // 4), t + 1, (batch,), generator=gen)
        for m in MODALITIES:
            t, d = self.shapes[m]
            v = (torch.arange(t).unsqueeze(0) < lengths[m].unsqueeze(1)).float()
            self.valid[m] = v
            self.features[m] = torch.randn(batch, t, d, generator=gen) * v.unsqueeze(2)
        # labels: multiples of 0.2 in [-3, 3]
        self.targets = torch.round(torch.empty(batch, 1).uniform_(-LABEL_BOUND, LABEL_BOUND, generator=gen) * 5) / 5
        self.batch = batch

    @staticmethod
    def _null_if_all(mask):
        """ModalityInputs holds no mask for a modality whose frames are all valid/observed."""
        return None if bool(mask.min() > 0) else mask

    def complete(self):
        """Complete masks (inference): every valid frame observed."""
        valid = {m: self._null_if_all(self.valid[m]) for m in MODALITIES}
        return dict(self.features), valid

    def views(self, gen, cfg, views=2):
        """`views` missing views per sample, rows view after view (Stepper.step): a uniform non-empty
        subset of modalities, frames of kept modalities dropped at a rate uniform in
        [minFrameRate, maxFrameRate]; one valid frame restored when a view would observe nothing."""
        b = self.batch
        subsets = torch.tensor([[bool(k >> i & 1) for i in range(len(MODALITIES))] for k in range(1, 2 ** len(MODALITIES))])
        keep = subsets[torch.randint(len(subsets), (views, b), generator=gen)]  # (V, B, M)
        rate = cfg.min_frame_rate + torch.rand(views, b, 1, generator=gen) * (cfg.max_frame_rate - cfg.min_frame_rate)
        obs = {}
        for j, m in enumerate(MODALITIES):
            u = torch.rand(views, b, self.shapes[m][0], generator=gen)
            obs[m] = (self.valid[m].unsqueeze(0) > 0) & (u >= rate) & keep[:, :, j:j + 1]
        count = sum(o.sum(2) for o in obs.values())  # (V, B)
        for v, i in (count == 0).nonzero().tolist():  # rare: restore one valid frame of a kept modality
            kept = [m for j, m in enumerate(MODALITIES) if keep[v, i, j]]
            m = kept[int(torch.randint(len(kept), (1,), generator=gen))]
            frames = self.valid[m][i].nonzero().flatten()
            obs[m][v, i, frames[int(torch.randint(len(frames), (1,), generator=gen))]] = True
        features, valid, observed = {}, {}, {}
        for m in MODALITIES:
            t, d = self.shapes[m]
            o = obs[m].float()
            features[m] = (self.features[m].unsqueeze(0) * o.unsqueeze(3)).reshape(views * b, t, d)
            vm = self.valid[m].repeat(views, 1)
            valid[m] = self._null_if_all(vm)
            om = o.reshape(views * b, t)
            observed[m] = valid[m] if torch.equal(om, vm) else om
        return features, valid, observed


# ---------------------------------------------------------------------------------------------
# Training step (TrainingLoop.Stepper.step) and benchmark
# ---------------------------------------------------------------------------------------------

def train_step(net, optimizer, data, gen, cfg):
    features, valid, observed = data.views(gen, cfg)
    optimizer.zero_grad(set_to_none=True)
    total, parts = net.loss(features, valid, observed, data.targets)
    total.backward()
    out = {"total": total.item()}
    out.update({k: v.item() for k, v in parts.items()})
    norm = torch.nn.utils.clip_grad_norm_(net.parameters(), cfg.grad_clip_norm)
    if not math.isfinite(float(norm)):
        raise RuntimeError("Gradient norm is %s: training diverged" % float(norm))
    optimizer.step()
    out["gradNorm"] = float(norm)
    return out


def main(argv=None):
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("--preset", default="mosi-aligned", choices=sorted(PRESETS))
    ap.add_argument("--batch", type=int, default=32)
    ap.add_argument("--steps", type=int, default=3, help="timed steps after one warm-up step")
    ap.add_argument("--threads", type=int, default=1, help="torch intra-op threads (interop threads are 1)")
    ap.add_argument("--equal-attn-dropout", action="store_true",
                    help="attention dropout 0.1 for every MCIM target (default: 0.1 for language only, as UmdfConfig)")
    ap.add_argument("--mode", default="both", choices=["train", "infer", "both"])
    ap.add_argument("--attn-dropout-unit", default="weight", choices=["weight", "key"],
                    help="what attention dropout drops, as UmdfConfig.attnDropoutUnit: each weight (default, MulT) or "
                         "each key of a head (values scaled per key; the fused kernel runs in training)")
    ap.add_argument("--seed", type=int, default=1)
    ap.add_argument("--norm", default="pre", choices=["pre", "post"], help="D4 LayerNorm placement (default pre)")
    ap.add_argument("--mask-missing-keys", action="store_true",
                    help="D2 switch: also mask dropped frames from attention keys (default: padding only)")
    ap.add_argument("--print-loss", action="store_true", help="print the loss parts of every training step")
    ap.add_argument("--profile", metavar="DIR",
                    help="run the timed steps under torch.profiler and write Chrome traces to DIR "
                         "(train-<preset>.json, infer-<preset>.json), as `umdf bench speed --profile` does")
    args = ap.parse_args(argv)

    torch.set_num_threads(args.threads)
    torch.set_num_interop_threads(1)
    torch.manual_seed(args.seed)
    gen = torch.Generator().manual_seed(args.seed)

    cfg = Config(args.equal_attn_dropout, args.norm, args.mask_missing_keys, args.attn_dropout_unit)
    shapes = PRESETS[args.preset]["shapes"]
    net = UmdfNetwork(shapes, cfg)
    counts = parameter_counts(net)
    total_params = sum(counts.values())

    print("torch=%s python=%s threads=%d interop_threads=%d" % (
        torch.__version__, platform.python_version(), torch.get_num_threads(), torch.get_num_interop_threads()))
    print("attention path: %s" % ("scaled_dot_product_attention (torch >= 2.0)" if HAS_SDPA
                                  else "written-out matmul-softmax-matmul (no F.scaled_dot_product_attention)"))
    print("preset=%s shapes=%s batch=%d steps=%d norm=%s mcim_attn_dropout=%s mask_missing_keys=%s" % (
        args.preset, {m: shapes[m] for m in MODALITIES}, args.batch, args.steps, cfg.norm,
        ",".join("%s:%g" % (m, cfg.attn_dropout[m]) for m in MODALITIES), cfg.mask_missing_keys))
    print("parameters per component:")
    for k, v in counts.items():
        print("  %-32s %12s" % (k, format(v, ",")))
    print("  %-32s %12s" % ("total", format(total_params, ",")))
    print("params=%d" % total_params)

    data = Batch(args.preset, args.batch, gen)

    if args.mode in ("train", "both"):
        net.train()
        optimizer = torch.optim.Adam(net.parameters(), lr=cfg.learning_rate)
        first = train_step(net, optimizer, data, gen, cfg)  # warm-up
        if args.print_loss:
            print("step 0 (warm-up) " + " ".join("%s=%.6f" % kv for kv in first.items()))
        flt0 = resource.getrusage(resource.RUSAGE_SELF).ru_minflt
        prof = profiler(args)
        t0 = time.perf_counter()
        last = first
        for i in range(1, args.steps + 1):
            last = train_step(net, optimizer, data, gen, cfg)
            if args.print_loss:
                print("step %d " % i + " ".join("%s=%.6f" % kv for kv in last.items()))
        elapsed = time.perf_counter() - t0
        save_profile(prof, args, "train")
        flt1 = resource.getrusage(resource.RUSAGE_SELF).ru_minflt
        print("train s/step=%.4f" % (elapsed / args.steps))
        print("train samples/s=%.3f" % (args.batch * args.steps / elapsed))
        print("train loss first=%.6f last=%.6f finite=%s" % (first["total"], last["total"],
                                                             all(math.isfinite(v) for v in last.values())))
        print("minflt_per_step=%.1f" % ((flt1 - flt0) / args.steps))

    if args.mode in ("infer", "both"):
        net.eval()
        features, valid = data.complete()
        spent = 0.0
        prof = None
        with torch.inference_mode():
            for i in range(args.steps + 1):  # the first repetition is the warm-up
                if i == 1:
                    prof = profiler(args)
                t = time.perf_counter()
                net.predict_one_stream(features, valid).numpy().tolist()
                if i > 0:
                    spent += time.perf_counter() - t
        save_profile(prof, args, "infer")
        per_batch = spent / args.steps
        print("infer-one-stream s/batch=%.4f" % per_batch)
        print("infer-one-stream samples/s=%.3f" % (args.batch / per_batch))

    print("peak_rss_mb=%.1f" % (resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024.0))
    return 0


def profiler(args):
    """A started torch.profiler (CPU, shapes recorded) when --profile is given, else None."""
    if not args.profile:
        return None
    prof = torch.profiler.profile(activities=[torch.profiler.ProfilerActivity.CPU], record_shapes=True)
    prof.__enter__()
    return prof


def save_profile(prof, args, phase):
    if prof is None:
        return
    prof.__exit__(None, None, None)
    os.makedirs(args.profile, exist_ok=True)
    path = os.path.join(args.profile, "%s-%s.json" % (phase, args.preset))
    prof.export_chrome_trace(path)
    print("profile written to %s" % path)


if __name__ == "__main__":
    sys.exit(main())
