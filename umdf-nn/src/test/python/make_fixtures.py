#!/usr/bin/env python3
"""Writes the tiny pickle fixtures of the reader tests into umdf-nn/src/test/resources/fixtures/.

Run from anywhere with numpy installed (written with numpy 2.4, Python 3.11):

    python3 umdf-nn/src/test/python/make_fixtures.py

The output is deterministic (fixed seed, fixed protocols); re-running it rewrites byte-identical
files. The Java tests hard-code the shapes, labels, ids and the few feature values this script
prints, so change both together.

Files:
  mmsa_aligned.pkl            MMSA aligned_50 layout, protocol 4 (the default of Python >= 3.8)
  mmsa_aligned_p2.pkl         the same data, protocol 2 (bytes through _codecs.encode)
  mmsa_aligned_p5.pkl         the same data, protocol 5 (in-band buffers, numpy _frombuffer)
  mmsa_aligned_numpy1.pkl     protocol 2 with globals renamed numpy._core -> numpy.core, as numpy 1.x writes
  mmsa_unaligned.pkl          MMSA unaligned_50 layout with audio_lengths/vision_lengths and text_bert
  mmsa_lengths_exceed_t.pkl   unaligned layout whose train audio_lengths has a value > T
  mmsa_missing_test.pkl       aligned layout without a 'test' split
  mult_mosi.pkl               MulT mosi_data.pkl layout, labels (N,1,1), ids (N,3), protocol 4
  mult_mosi_p5.pkl            the same data, protocol 5
  mult_iemocap.pkl            MulT iemocap_data.pkl layout, labels (N,4,2), no ids
  numpy_dtypes_p{2,4,5}.pkl   one array of each supported dtype, byte order and memory order
  evil.pkl / evil_p0.pkl      a payload that would run os.system('touch UMDF_PWNED_MARKER')
  utterances.csv              an utterance-level table (CRLF, quoted fields, absent modalities, nan/-inf)
"""
import collections
import os
import pickle
import sys

import numpy as np

OUT = os.path.join(os.path.dirname(os.path.abspath(__file__)), "..", "resources", "fixtures")
SEED = 20240229


def feats(rng, n, t, d):
    """(n, t, d) float32 features, rounded to 3 decimals so the tests can state them exactly."""
    return np.round(rng.normal(size=(n, t, d)), 3).astype(np.float32)


def mmsa_aligned(rng):
    """3/2/2 samples, T = 4, text d = 6, audio d = 3, vision d = 2."""
    sizes = {"train": 3, "valid": 2, "test": 2}
    labels = {"train": [-3.0, 0.4, 2.2], "valid": [1.0, -1.6], "test": [3.0, -0.2]}
    data = {}
    for split, n in sizes.items():
        text = feats(rng, n, 4, 6)
        audio = feats(rng, n, 4, 3)
        vision = feats(rng, n, 4, 2)
        data[split] = {
            "raw_text": np.array(["%s sentence %d" % (split, i) for i in range(n)], dtype=object),
            "text": text,
            "audio": audio,
            "vision": vision,
            "id": np.array(["vid%s$_$%d" % (split, i) for i in range(n)], dtype=object),
            "regression_labels": np.array(labels[split], dtype=np.float32),
            "classification_labels": np.array([np.sign(v) + 1 for v in labels[split]], dtype=np.float32),
            "annotations": np.array(["Negative" if v < 0 else "Positive" for v in labels[split]], dtype=object),
        }
    # Language padding: the last frame of train sample 0 and the last two of test sample 1 are all zero.
    data["train"]["text"][0, 3, :] = 0
    data["test"]["text"][1, 2:, :] = 0
    # MMSA audio really holds -inf; NaN for good measure.
    data["train"]["audio"][1, 2, 0] = -np.inf
    data["valid"]["audio"][0, 1, 2] = np.nan
    return data


def mmsa_unaligned(rng):
    """3/2/2 samples, text T = 4 d = 6 with a BERT mask in text_bert, audio T = 5 d = 3, vision T = 6 d = 2."""
    sizes = {"train": 3, "valid": 2, "test": 2}
    labels = {"train": [0.6, -2.4, 1.2], "valid": [-0.8, 2.8], "test": [0.0, -3.0]}
    audio_lengths = {"train": [5, 3, 1], "valid": [2, 5], "test": [4, 0]}
    vision_lengths = {"train": [6, 2, 4], "valid": [6, 1], "test": [3, 5]}
    text_lengths = {"train": [4, 2, 3], "valid": [4, 1], "test": [2, 4]}
    data = {}
    for split, n in sizes.items():
        text = feats(rng, n, 4, 6)
        audio = feats(rng, n, 5, 3)
        vision = feats(rng, n, 6, 2)
        bert = np.zeros((n, 3, 4), dtype=np.float64)
        for i, length in enumerate(text_lengths[split]):
            bert[i, 0, :length] = 101 + np.arange(length)  # token ids
            bert[i, 1, :length] = 1                        # attention mask
        for i in range(n):
            audio[i, audio_lengths[split][i]:, :] = 0
            vision[i, vision_lengths[split][i]:, :] = 0
        data[split] = {
            "raw_text": np.array(["%s words %d" % (split, i) for i in range(n)], dtype=object),
            "text": text,
            "text_bert": bert,
            "audio": audio,
            "vision": vision,
            "id": np.array(["u%s$_$%d" % (split, i) for i in range(n)], dtype=object),
            "regression_labels": np.array(labels[split], dtype=np.float32),
            # MMSA writes one as a list and the other as an array; both must load.
            "audio_lengths": list(audio_lengths[split]),
            "vision_lengths": np.array(vision_lengths[split], dtype=np.int64),
        }
    data["train"]["audio"][0, 4, 1] = -np.inf
    return data


def mult_mosi(rng):
    """3/2/2 samples, T = 4, text d = 5, audio d = 3, vision d = 4; MulT front-pads with zero frames."""
    sizes = {"train": 3, "valid": 2, "test": 2}
    labels = {"train": [2.0, -1.4, 0.2], "valid": [-2.6, 1.8], "test": [0.8, -0.4]}
    ids = {
        "train": [["abc", "0", "1"], ["abc", "1", "2"], ["def", "0", "1"]],
        "valid": [["ghi", "3", "4"], ["ghi", "4", "5"]],
        # "abc_0_1" again: a duplicate of train sample 0 that the reader must make unique.
        "test": [["abc", "0", "1"], ["jkl", "0", "1"]],
    }
    data = {}
    for split, n in sizes.items():
        text = feats(rng, n, 4, 5)
        audio = feats(rng, n, 4, 3)
        vision = feats(rng, n, 4, 4)
        data[split] = {
            "vision": vision,
            "audio": audio,
            "text": text,
            "labels": np.array(labels[split], dtype=np.float32).reshape(n, 1, 1),
            "id": np.array(ids[split]),
        }
    # Front padding: sample 1 of train has its first two frames zero in every modality.
    for key in ("text", "audio", "vision"):
        data["train"][key][1, :2, :] = 0
    data["valid"]["vision"][1, 3, 0] = np.inf
    return data


def mult_iemocap(rng):
    """4/2/2 samples, T = 3, text d = 5, audio d = 2, vision d = 3; labels (N,4,2): neutral, happy, sad, angry."""
    present = {
        "train": [[1, 0, 0, 0], [0, 1, 0, 0], [0, 0, 1, 1], [0, 0, 0, 0]],
        "valid": [[0, 0, 0, 1], [1, 0, 0, 0]],
        "test": [[0, 1, 0, 0], [0, 0, 1, 0]],
    }
    data = {}
    for split, rows in present.items():
        n = len(rows)
        labels = np.zeros((n, 4, 2), dtype=np.float32)
        for i, row in enumerate(rows):
            for k, p in enumerate(row):
                labels[i, k, p] = 1.0
        data[split] = {
            "text": feats(rng, n, 3, 5),
            "audio": feats(rng, n, 3, 2),
            "vision": feats(rng, n, 3, 3),
            "labels": labels,
        }
    data["test"]["audio"][0, 0, :] = 0
    return data


def dtypes_payload():
    return collections.OrderedDict([
        ("f4", np.array([[1.5, -2.25, 3.0], [0.0, 1e-3, -7.0]], dtype="<f4")),
        ("f8_big", np.array([1.0 / 3.0, -2.5, 1e300], dtype=">f8")),
        ("i1", np.array([-128, 0, 127], dtype="i1")),
        ("i2", np.array([-32768, 1, 32767], dtype="<i2")),
        ("i4_big", np.array([-2147483648, 2, 2147483647], dtype=">i4")),
        ("i8", np.array([-9223372036854775808, 3, 9223372036854775807], dtype="<i8")),
        ("u1", np.array([0, 128, 255], dtype="u1")),
        ("b1", np.array([True, False, True])),
        ("U", np.array(["héllo", "", "ab"])),
        ("S", np.array([b"sp", b"word", b""])),
        ("O", np.array(["x", "yz", "ünï"], dtype=object)),
        ("fortran", np.asfortranarray(np.arange(6, dtype="<f4").reshape(2, 3))),
        ("fortran_big_i2", np.asfortranarray(np.arange(12, dtype=">i2").reshape(2, 3, 2))),
        ("empty", np.zeros((0, 3), dtype="<f4")),
        ("zero_d", np.array(2.5, dtype="<f8")),
        ("scalar_f4", np.float32(0.5)),
        ("scalar_i8", np.int64(-7)),
        ("containers", {"tuple": (1, "two", 3.0), "list": [None, True, b"raw"], "set": {4}}),
    ])


def write(name, obj, protocol):
    with open(os.path.join(OUT, name), "wb") as f:
        pickle.dump(obj, f, protocol=protocol)


def numpy1_style(obj):
    """A protocol-2 pickle whose globals name numpy.core.* (numpy 1.x) instead of numpy._core.* (numpy 2.x).

    Protocol 2 writes GLOBAL as 'c' + module + '\\n' + name + '\\n' and has no frame lengths, so
    replacing the module text is safe.
    """
    raw = pickle.dumps(obj, protocol=2)
    renamed = raw.replace(b"cnumpy._core.", b"cnumpy.core.")
    assert renamed != raw and b"numpy._core" not in renamed
    return renamed


UTTERANCES_CSV = (
    'id,split,label,language_0,language_1,language_2,audio_0,audio_1,vision_1,vision_0,note\r\n'
    'u1,train,1.5,0.1,0.2,0.3,1,2,0.5,0.25,"first, with comma"\r\n'
    'u2,train,-2,0.4,0.5,0.6,,,1.5,1.25,no audio\r\n'
    'u3,valid,0,0.7,0.8,0.9,3,nan,,,"no vision; ""quoted"""\r\n'
    'u4,test,3,1,1,1,-inf,4e-1,2,2,"multi\r\nline note"\r\n'
)


class Evil:
    """Pickles into a call of os.system: what the restricted unpickler must refuse."""

    def __reduce__(self):
        return os.system, ("touch UMDF_PWNED_MARKER",)


def main():
    os.makedirs(OUT, exist_ok=True)
    rng = np.random.default_rng(SEED)
    aligned = mmsa_aligned(rng)
    unaligned = mmsa_unaligned(rng)
    mosi = mult_mosi(rng)
    iemocap = mult_iemocap(rng)

    write("mmsa_aligned.pkl", aligned, 4)
    write("mmsa_aligned_p2.pkl", aligned, 2)
    write("mmsa_aligned_p5.pkl", aligned, 5)
    with open(os.path.join(OUT, "mmsa_aligned_numpy1.pkl"), "wb") as f:
        f.write(numpy1_style(aligned))
    write("mmsa_unaligned.pkl", unaligned, 4)

    too_long = {s: dict(v) for s, v in unaligned.items()}
    too_long["train"] = dict(unaligned["train"], audio_lengths=[5, 7, 1])
    write("mmsa_lengths_exceed_t.pkl", too_long, 4)
    write("mmsa_missing_test.pkl", {"train": aligned["train"], "valid": aligned["valid"]}, 4)

    write("mult_mosi.pkl", mosi, 4)
    write("mult_mosi_p5.pkl", mosi, 5)
    write("mult_iemocap.pkl", iemocap, 4)

    for p in (2, 4, 5):
        write("numpy_dtypes_p%d.pkl" % p, dtypes_payload(), p)

    write("evil.pkl", Evil(), 4)
    write("evil_p0.pkl", Evil(), 0)
    with open(os.path.join(OUT, "utterances.csv"), "w", encoding="utf-8", newline="") as f:
        f.write(UTTERANCES_CSV)

    # Values the Java tests state.
    np.set_printoptions(precision=3, suppress=True)
    print("mmsa_aligned train text[0,0,:]", aligned["train"]["text"][0, 0, :].tolist())
    print("mmsa_aligned test vision[1,3,:]", aligned["test"]["vision"][1, 3, :].tolist())
    print("mmsa_aligned train audio[1,2,:]", aligned["train"]["audio"][1, 2, :].tolist())
    print("mmsa_unaligned valid audio[1,4,:]", unaligned["valid"]["audio"][1, 4, :].tolist())
    print("mult_mosi train text[1,2,:]", mosi["train"]["text"][1, 2, :].tolist())
    print("mult_mosi test vision[0,0,:]", mosi["test"]["vision"][0, 0, :].tolist())
    print("mult_iemocap valid audio[0,2,:]", iemocap["valid"]["audio"][0, 2, :].tolist())
    for name in sorted(os.listdir(OUT)):
        print("%-28s %6d bytes" % (name, os.path.getsize(os.path.join(OUT, name))))
    return 0


if __name__ == "__main__":
    sys.exit(main())
