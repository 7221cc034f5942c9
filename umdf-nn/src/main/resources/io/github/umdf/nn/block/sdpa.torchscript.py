class Sdpa(Module):
  __parameters__ = []
  __buffers__ = []
  training : bool
  _is_full_backward_hook : Optional[bool]
  def forward(self: __torch__.Sdpa,
    q: Tensor,
    k: Tensor,
    v: Tensor,
    mask: Optional[Tensor]=None) -> Tensor:
    return torch.scaled_dot_product_attention(q, k, v, mask, 0., False, scale=1.)
