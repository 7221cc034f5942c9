class AutogradGrad(Module):
  __parameters__ = []
  __buffers__ = []
  training : bool
  _is_full_backward_hook : Optional[bool]
  def forward(self: __torch__.AutogradGrad,
    scalar: Tensor,
    inputs: List[Tensor],
    second_order: Tensor) -> List[Tensor]:
    grads = torch.autograd.grad([scalar], inputs, None, True, bool(second_order), True)
    out = annotate(List[Tensor], [])
    for i in range(torch.len(inputs)):
      g = grads[i]
      if torch.__is__(g, None):
        _0 = torch.append(out, torch.zeros_like(inputs[i]))
      else:
        _1 = torch.append(out, unchecked_cast(Tensor, g))
    return out
