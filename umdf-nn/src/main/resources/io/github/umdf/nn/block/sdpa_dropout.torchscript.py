class SdpaDropout(Module):
  __parameters__ = []
  __buffers__ = []
  training : bool
  _is_full_backward_hook : Optional[bool]
  def forward(self: __torch__.SdpaDropout,
    q: Tensor,
    k: Tensor,
    v: Tensor,
    mask: Tensor,
    p: Tensor) -> Tensor:
    w = torch.softmax(torch.add(torch.matmul(q, torch.transpose(k, -1, -2)), mask), -1)
    dropped, keep = torch.native_dropout(w, float(p), True)
    return torch.matmul(dropped, v)
