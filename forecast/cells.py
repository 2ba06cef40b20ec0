"""LSTM and GRU cells written from the gate equations, and a layer that loops over time.

The from-scratch layer matches ``nn.LSTM`` / ``nn.GRU`` (batch first): the same gate
order in the stacked weights, the same outputs and final states, so weights copy
both ways with :func:`copy_from_torch` and :func:`copy_to_torch`.

Shape key: B batch, T time steps, F input features, H hidden units, D directions
(1 or 2), L layers, G gates stacked in one weight (4 for LSTM, 3 for GRU).

Speed: the input projection ``x_t -> W_ih x_t + b_ih`` of all T steps is one
matrix multiply before the loop, so each step only multiplies the hidden state.
With ``compile=True`` each step runs through ``torch.compile``, which fuses the
gate arithmetic into a few kernels; when compiling fails the layer logs why and
runs the same equations eagerly. ``layer.compiled`` records which path ran.
"""

from __future__ import annotations

import logging
from typing import Callable

import torch
from torch import nn
from torch.nn import functional as F

logger = logging.getLogger(__name__)

CELL_KINDS = ("gru", "lstm")

# Names of the recorded activations, in the order the trace returns them.
GATE_NAMES = {
    "gru": ("reset", "update", "candidate"),
    "lstm": ("input", "forget", "cell_candidate", "output", "cell_state"),
}

State = tuple[torch.Tensor, ...]  # GRU: (h,), LSTM: (h, c); each (B, H)


# ---------------------------------------------------------------------------
# The equations, as functions of the precomputed input projection
# ---------------------------------------------------------------------------


def lstm_gates(
    projected: torch.Tensor, h: torch.Tensor, c: torch.Tensor, weight_hh: torch.Tensor, bias_hh: torch.Tensor | None
) -> dict[str, torch.Tensor]:
    """Compute the LSTM gates and the new cell state for one time step.

    ``projected`` is ``W_ih x_t + b_ih`` (B, 4H), stacked in torch's order
    input, forget, candidate, output; ``h`` and ``c`` are (B, H).
    """
    gates = projected + F.linear(h, weight_hh, bias_hh)  # (B, 4H): W [h_{t-1}, x_t] + b for all gates
    i, f, g, o = gates.chunk(4, dim=1)  # four (B, H) chunks
    i = torch.sigmoid(i)  # input gate    i_t = σ(W_i [h_{t-1}, x_t] + b_i)
    f = torch.sigmoid(f)  # forget gate   f_t = σ(W_f [h_{t-1}, x_t] + b_f)
    g = torch.tanh(g)  # candidate        g_t = tanh(W_g [h_{t-1}, x_t] + b_g)
    o = torch.sigmoid(o)  # output gate   o_t = σ(W_o [h_{t-1}, x_t] + b_o)
    c_new = f * c + i * g  # cell update  c_t = f_t ⊙ c_{t-1} + i_t ⊙ g_t
    return {"input": i, "forget": f, "cell_candidate": g, "output": o, "cell_state": c_new}


def lstm_step(projected: torch.Tensor, state: State, weight_hh: torch.Tensor, bias_hh: torch.Tensor | None) -> State:
    """Advance an LSTM by one step and return ``(h_t, c_t)``, each (B, H)."""
    h, c = state
    gates = lstm_gates(projected, h, c, weight_hh, bias_hh)
    c_new = gates["cell_state"]
    h_new = gates["output"] * torch.tanh(c_new)  # hidden state  h_t = o_t ⊙ tanh(c_t), with the new cell state c_t
    return h_new, c_new


def gru_gates(
    projected: torch.Tensor, h: torch.Tensor, weight_hh: torch.Tensor, bias_hh: torch.Tensor | None
) -> dict[str, torch.Tensor]:
    """Compute the GRU reset gate, update gate and candidate for one time step.

    ``projected`` is ``W_ih x_t + b_ih`` (B, 3H), stacked in torch's order
    reset, update, candidate; ``h`` is (B, H).
    """
    x_r, x_z, x_n = projected.chunk(3, dim=1)  # three (B, H) chunks
    h_r, h_z, h_n = F.linear(h, weight_hh, bias_hh).chunk(3, dim=1)  # U h_{t-1} + b_h, three (B, H) chunks
    r = torch.sigmoid(x_r + h_r)  # reset gate   r_t = σ(W_r x_t + U_r h_{t-1} + b_r)
    z = torch.sigmoid(x_z + h_z)  # update gate  z_t = σ(W_z x_t + U_z h_{t-1} + b_z)
    n = torch.tanh(x_n + r * h_n)  # candidate   n_t = tanh(W_n x_t + b_n + r_t ⊙ (U_n h_{t-1} + b_hn))
    return {"reset": r, "update": z, "candidate": n}


def gru_step(projected: torch.Tensor, state: State, weight_hh: torch.Tensor, bias_hh: torch.Tensor | None) -> State:
    """Advance a GRU by one step and return ``(h_t,)``, (B, H)."""
    (h,) = state
    gates = gru_gates(projected, h, weight_hh, bias_hh)
    z, n = gates["update"], gates["candidate"]
    h_new = (1 - z) * n + z * h  # new state  h_t = (1 − z_t) ⊙ n_t + z_t ⊙ h_{t−1}, as nn.GRU
    return (h_new,)


STEPS: dict[str, Callable[..., State]] = {"gru": gru_step, "lstm": lstm_step}


# ---------------------------------------------------------------------------
# Cells
# ---------------------------------------------------------------------------


class _Cell(nn.Module):
    """Two linear maps, input-to-hidden and hidden-to-hidden, each producing all G gates."""

    kind = ""
    gate_count = 0

    def __init__(self, input_size: int, hidden_size: int, bias: bool = True) -> None:
        super().__init__()
        self.input_size = input_size
        self.hidden_size = hidden_size
        self.input_to_hidden = nn.Linear(input_size, self.gate_count * hidden_size, bias=bias)  # W_ih, b_ih
        self.hidden_to_hidden = nn.Linear(hidden_size, self.gate_count * hidden_size, bias=bias)  # W_hh, b_hh
        self.reset_parameters()

    def reset_parameters(self) -> None:
        """Draw every weight from U(-1/sqrt(H), 1/sqrt(H)), as ``nn.LSTM`` and ``nn.GRU`` do."""
        bound = self.hidden_size**-0.5
        for parameter in self.parameters():
            nn.init.uniform_(parameter, -bound, bound)

    def zero_state(self, x: torch.Tensor) -> State:
        """Return an all-zero state for a batch like ``x`` (B, ...), on its device."""
        zeros = x.new_zeros(x.shape[0], self.hidden_size)
        return (zeros,) if self.kind == "gru" else (zeros, zeros.clone())

    def step(self, projected: torch.Tensor, state: State) -> State:
        """Advance one step from the projected input ``W_ih x_t + b_ih`` (B, G * H)."""
        return STEPS[self.kind](projected, state, self.hidden_to_hidden.weight, self.hidden_to_hidden.bias)


class LSTMCell(_Cell):
    """One LSTM step from the gate equations; same weights layout as ``nn.LSTMCell``.

    Equations, with ``[h_{t-1}, x_t]`` the previous hidden state next to the input::

        i_t = σ(W_i [h_{t-1}, x_t] + b_i)       input gate
        f_t = σ(W_f [h_{t-1}, x_t] + b_f)       forget gate
        g_t = tanh(W_g [h_{t-1}, x_t] + b_g)    candidate
        o_t = σ(W_o [h_{t-1}, x_t] + b_o)       output gate
        c_t = f_t ⊙ c_{t-1} + i_t ⊙ g_t         cell state
        h_t = o_t ⊙ tanh(c_t)                   hidden state

    An output gate near 0 blocks the cell's value and near 1 lets it through.
    ``W [h, x]`` is computed as two linear maps, ``input_to_hidden`` (W_ih, b_ih)
    and ``hidden_to_hidden`` (W_hh, b_hh), each producing the four gates stacked
    in the order i, f, g, o, so torch's two biases add up to ``b``.

    Parameters
    ----------
    input_size, hidden_size : int
        F and H.
    bias : bool
        Without bias both maps are purely linear, like ``nn.LSTM(bias=False)``.
    """

    kind = "lstm"
    gate_count = 4

    def forward(self, x: torch.Tensor, state: tuple[torch.Tensor, torch.Tensor] | None = None) -> State:
        """Map ``x_t`` (B, F) and ``(h_{t-1}, c_{t-1})`` (each (B, H), zeros if None) to ``(h_t, c_t)``."""
        state = self.zero_state(x) if state is None else tuple(state)
        return self.step(self.input_to_hidden(x), state)


class GRUCell(_Cell):
    """One GRU step from the gate equations; same weights layout as ``nn.GRUCell``.

    Equations, in PyTorch's convention::

        r_t = σ(W_r x_t + U_r h_{t-1} + b_r)                     reset gate
        z_t = σ(W_z x_t + U_z h_{t-1} + b_z)                     update gate
        n_t = tanh(W_n x_t + b_n + r_t ⊙ (U_n h_{t-1} + b_hn))   candidate
        h_t = (1 − z_t) ⊙ n_t + z_t ⊙ h_{t−1}                    new state

    So ``z_t`` near 1 keeps the old state and near 0 takes the candidate. Many
    textbooks write ``h_t = (1 − z_t) ⊙ h_{t−1} + z_t ⊙ n_t`` instead: that is
    the mirror image, where ``z`` names the share of the candidate rather than
    of the old state. Both describe the same model with ``z`` replaced by
    ``1 − z``; this cell and ``nn.GRU`` use the first form.

    ``input_to_hidden`` contains W (and b_i*), ``hidden_to_hidden`` contains U
    (and b_h*), each with the gates stacked in the order r, z, n. The hidden bias of
    the candidate, ``b_hn``, sits inside the reset gate's product, as in torch.

    Parameters
    ----------
    input_size, hidden_size : int
        F and H.
    bias : bool
        Without bias both maps are purely linear, like ``nn.GRU(bias=False)``.
    """

    kind = "gru"
    gate_count = 3

    def forward(self, x: torch.Tensor, h: torch.Tensor | None = None) -> torch.Tensor:
        """Map ``x_t`` (B, F) and ``h_{t-1}`` (B, H, zeros if None) to ``h_t`` (B, H)."""
        state = self.zero_state(x) if h is None else (h,)
        return self.step(self.input_to_hidden(x), state)[0]


CELL_TYPES: dict[str, type[_Cell]] = {"gru": GRUCell, "lstm": LSTMCell}


# ---------------------------------------------------------------------------
# Compiled steps, shared by every layer of the process
# ---------------------------------------------------------------------------

_compiled_steps: dict[str, Callable[..., State]] = {}
_compile_failure: str | None = None  # why compiling failed in this process, if it did


def _compiled_step(kind: str) -> Callable[..., State] | None:
    """Return the compiled step function of ``kind``, or None once compiling has failed."""
    if _compile_failure is not None:
        return None
    if kind not in _compiled_steps:
        # One compiled function per kind, with the weights as arguments, so that
        # every layer and direction reuses the same compiled graph.
        _compiled_steps[kind] = torch.compile(STEPS[kind], dynamic=False)
    return _compiled_steps[kind]


def _disable_compile(error: BaseException) -> None:
    global _compile_failure
    _compile_failure = f"{type(error).__name__}: {str(error).splitlines()[0] if str(error) else ''}"
    logger.warning("torch.compile failed, the from-scratch cells run eagerly: %s", _compile_failure)


def compile_status() -> dict[str, object]:
    """Report whether compiled cell steps work in this process.

    Returns
    -------
    dict
        ``{"available": bool, "error": str | None, "kinds": [...]}`` where
        ``kinds`` lists the cell kinds compiled so far.
    """
    return {"available": _compile_failure is None, "error": _compile_failure, "kinds": sorted(_compiled_steps)}


# ---------------------------------------------------------------------------
# The layer
# ---------------------------------------------------------------------------


class RecurrentLayer(nn.Module):
    """Stacked, optionally bidirectional GRU or LSTM built from the cells above.

    A batch-first stand-in for ``nn.GRU`` / ``nn.LSTM``. It takes (B, T, F) and
    returns ``(output, h_n)`` for GRU or ``(output, (h_n, c_n))`` for LSTM, with
    output (B, T, D * H) and h_n, c_n (L * D, B, H). The states are ordered layer
    by layer, the forward direction before the backward one, as in torch.

    Parameters
    ----------
    cell : {"gru", "lstm"}
    input_size, hidden_size : int
        F and H (H per direction).
    num_layers : int
        L stacked layers; layer l > 0 reads the D * H outputs of layer l - 1.
    dropout : float
        Dropout on the outputs of every layer except the last, in training only.
    bidirectional : bool
        D = 2: a second cell per layer reads the sequence from the end.
    bias : bool
        Whether the linear maps have biases.
    compile : bool
        Run each time step through ``torch.compile``. Results equal the eager
        ones within float rounding; if compiling fails the layer logs the error
        and runs eagerly. ``compiled`` tells which path the last call took.
    """

    def __init__(
        self,
        cell: str,
        input_size: int,
        hidden_size: int,
        num_layers: int = 1,
        dropout: float = 0.0,
        bidirectional: bool = False,
        bias: bool = True,
        compile: bool = False,
    ) -> None:
        super().__init__()
        if cell not in CELL_TYPES:
            raise ValueError(f"unknown cell kind {cell!r}; valid kinds: {', '.join(CELL_KINDS)}")
        if num_layers < 1 or input_size < 1 or hidden_size < 1:
            raise ValueError(
                f"sizes must be positive, got input_size={input_size}, hidden_size={hidden_size}, "
                f"num_layers={num_layers}"
            )
        if not 0.0 <= dropout < 1.0:
            raise ValueError(f"dropout must be in [0, 1), got {dropout}")
        self.mode = cell
        self.input_size = input_size
        self.hidden_size = hidden_size
        self.num_layers = num_layers
        self.dropout = float(dropout)
        self.bidirectional = bidirectional
        self.bias = bias
        self.directions = 2 if bidirectional else 1
        self.compile = compile
        self.compiled = False  # True when the last forward ran the compiled step
        cell_type = CELL_TYPES[cell]
        # Cell of layer l and direction d at index l * D + d, the order of torch's h_n.
        self.cells = nn.ModuleList(
            cell_type(input_size if layer == 0 else self.directions * hidden_size, hidden_size, bias=bias)
            for layer in range(num_layers)
            for _ in range(self.directions)
        )

    def cell_at(self, layer: int, direction: int = 0) -> _Cell:
        """Return the cell of ``layer`` (0-based) and ``direction`` (0 forward, 1 backward)."""
        return self.cells[layer * self.directions + direction]

    def forward(
        self, x: torch.Tensor, hx: torch.Tensor | tuple[torch.Tensor, torch.Tensor] | None = None
    ) -> tuple[torch.Tensor, torch.Tensor | tuple[torch.Tensor, torch.Tensor]]:
        """Run all layers and directions over the sequence.

        Parameters
        ----------
        x : Tensor (B, T, F)
        hx : Tensor (L * D, B, H), or a pair of them for LSTM; zeros if None.

        Returns
        -------
        output : Tensor (B, T, D * H)
            Hidden states of the last layer at every step, directions concatenated.
        h_n : Tensor (L * D, B, H), or ``(h_n, c_n)`` for LSTM
            Final states; for the backward direction "final" is the state after
            reading ``x[:, 0]``.
        """
        initial = self._initial_states(x, hx)
        step = self._choose_step()
        layer_input = x
        finals: list[State] = []
        for layer in range(self.num_layers):
            outputs = []
            for direction in range(self.directions):
                index = layer * self.directions + direction
                output, final = self._run_direction(self.cells[index], layer_input, initial[index], direction, step)
                outputs.append(output)
                finals.append(final)
            layer_input = torch.cat(outputs, dim=2) if self.directions == 2 else outputs[0]  # (B, T, D * H)
            if layer < self.num_layers - 1 and self.dropout > 0:
                layer_input = F.dropout(layer_input, self.dropout, training=self.training)

        h_n = torch.stack([final[0] for final in finals])  # (L * D, B, H)
        if self.mode == "gru":
            return layer_input, h_n
        c_n = torch.stack([final[1] for final in finals])  # (L * D, B, H)
        return layer_input, (h_n, c_n)

    def _initial_states(self, x: torch.Tensor, hx) -> list[State]:
        if x.dim() != 3 or x.shape[2] != self.input_size:
            raise ValueError(f"expected input of shape (B, T, {self.input_size}), got {tuple(x.shape)}")
        if hx is None:
            zeros = x.new_zeros(self.num_layers * self.directions, x.shape[0], self.hidden_size)
            hx = zeros if self.mode == "gru" else (zeros, zeros)
        parts = (hx,) if self.mode == "gru" else tuple(hx)
        expected = (self.num_layers * self.directions, x.shape[0], self.hidden_size)
        for part in parts:
            if tuple(part.shape) != expected:
                raise ValueError(f"expected initial state of shape {expected}, got {tuple(part.shape)}")
        # One state tuple per cell: (h,) for GRU, (h, c) for LSTM, each (B, H).
        return [tuple(part[index] for part in parts) for index in range(expected[0])]

    def _run_direction(
        self, cell: _Cell, x: torch.Tensor, state: State, direction: int, step: Callable[..., State]
    ) -> tuple[torch.Tensor, State]:
        """Run one cell over (B, T, F_in); return its outputs (B, T, H) in input order and final state."""
        projected = cell.input_to_hidden(x.transpose(0, 1))  # (T, B, G * H), all steps in one matmul
        weight, bias = cell.hidden_to_hidden.weight, cell.hidden_to_hidden.bias
        times = range(x.shape[1] - 1, -1, -1) if direction == 1 else range(x.shape[1])
        outputs: list[torch.Tensor] = [projected] * x.shape[1]  # placeholders, each replaced below
        for t in times:
            state = step(projected[t], state, weight, bias)
            outputs[t] = state[0]
        return torch.stack(outputs, dim=1), state  # (B, T, H)

    def _choose_step(self) -> Callable[..., State]:
        """Return the compiled step when requested and working, else the eager one."""
        self.compiled = False
        if not self.compile:
            return STEPS[self.mode]
        compiled = _compiled_step(self.mode)
        if compiled is None:
            return STEPS[self.mode]
        self.compiled = True
        return self._guarded(compiled)

    def _guarded(self, compiled: Callable[..., State]) -> Callable[..., State]:
        """Wrap ``compiled`` so a compile error switches this process to the eager step."""
        eager = STEPS[self.mode]

        def step(projected: torch.Tensor, state: State, weight: torch.Tensor, bias: torch.Tensor | None) -> State:
            if _compile_failure is None:
                try:
                    return compiled(projected, state, weight, bias)
                except Exception as error:  # noqa: BLE001 - any backend failure means "run eagerly"
                    _disable_compile(error)
                    self.compiled = False
            return eager(projected, state, weight, bias)

        return step

    def extra_repr(self) -> str:
        return (
            f"{self.mode}, {self.input_size}, {self.hidden_size}, num_layers={self.num_layers}, "
            f"dropout={self.dropout}, bidirectional={self.bidirectional}, bias={self.bias}, compile={self.compile}"
        )


# ---------------------------------------------------------------------------
# Looking inside
# ---------------------------------------------------------------------------


@torch.no_grad()
def trace_gates(layer: RecurrentLayer, x: torch.Tensor, layer_index: int = -1, direction: int = 0) -> dict[str, torch.Tensor]:
    """Record the gate activations of one cell at every time step.

    Parameters
    ----------
    layer : RecurrentLayer
    x : Tensor (B, T, F)
    layer_index : int
        Which stacked layer to record (negative counts from the last).
    direction : int
        0 forward, 1 backward (needs a bidirectional layer).

    Returns
    -------
    dict of str to Tensor (B, T, H)
        GRU: "reset", "update", "candidate". LSTM: "input", "forget",
        "cell_candidate", "output", "cell_state". Index t contains the values
        computed while reading ``x[:, t]``, in either direction.
    """
    layer_index = layer_index % layer.num_layers
    if direction not in range(layer.directions):
        raise ValueError(f"direction must be 0 or {layer.directions - 1}, got {direction}")
    was_training = layer.training
    layer.eval()
    layer_input = x
    # Run the layers below the recorded one, from zero states, to get its input.
    if layer_index > 0:
        below = RecurrentLayer(
            layer.mode, layer.input_size, layer.hidden_size, layer_index, 0.0, layer.bidirectional, layer.bias
        ).to(device=x.device, dtype=x.dtype)
        for index in range(layer_index * layer.directions):
            below.cells[index].load_state_dict(layer.cells[index].state_dict())
        layer_input, _ = below(x)
    layer.train(was_training)

    cell = layer.cell_at(layer_index, direction)
    projected = cell.input_to_hidden(layer_input.transpose(0, 1))  # (T, B, G * H)
    weight, bias = cell.hidden_to_hidden.weight, cell.hidden_to_hidden.bias
    state = cell.zero_state(layer_input)
    steps = x.shape[1]
    records: list[dict[str, torch.Tensor]] = [{}] * steps
    for t in range(steps - 1, -1, -1) if direction == 1 else range(steps):
        if layer.mode == "gru":
            records[t] = gru_gates(projected[t], state[0], weight, bias)
        else:
            records[t] = lstm_gates(projected[t], state[0], state[1], weight, bias)
        state = STEPS[layer.mode](projected[t], state, weight, bias)
    return {name: torch.stack([record[name] for record in records], dim=1) for name in GATE_NAMES[layer.mode]}


# ---------------------------------------------------------------------------
# Weights to and from torch's layers
# ---------------------------------------------------------------------------


def _torch_pairs(layer: RecurrentLayer, rnn: nn.RNNBase):
    """Yield (cell linear, torch weight name, torch bias name) for every cell and map."""
    expected_mode = "GRU" if layer.mode == "gru" else "LSTM"
    mismatches = [
        (name, mine, theirs)
        for name, mine, theirs in [
            ("mode", expected_mode, rnn.mode),
            ("input_size", layer.input_size, rnn.input_size),
            ("hidden_size", layer.hidden_size, rnn.hidden_size),
            ("num_layers", layer.num_layers, rnn.num_layers),
            ("bidirectional", layer.bidirectional, rnn.bidirectional),
            ("bias", layer.bias, rnn.bias),
            ("proj_size", 0, getattr(rnn, "proj_size", 0)),
        ]
        if mine != theirs
    ]
    if mismatches:
        details = ", ".join(f"{name}: {mine} here, {theirs} in torch" for name, mine, theirs in mismatches)
        raise ValueError(f"layers differ, so weights cannot be copied ({details})")
    for index, cell in enumerate(layer.cells):
        layer_number, direction = divmod(index, layer.directions)
        suffix = f"_l{layer_number}" + ("_reverse" if direction == 1 else "")
        yield cell.input_to_hidden, f"weight_ih{suffix}", f"bias_ih{suffix}"
        yield cell.hidden_to_hidden, f"weight_hh{suffix}", f"bias_hh{suffix}"


@torch.no_grad()
def copy_from_torch(layer: RecurrentLayer, rnn: nn.RNNBase) -> RecurrentLayer:
    """Copy the weights of an ``nn.GRU`` / ``nn.LSTM`` into ``layer`` (in place) and return it.

    Raises ValueError when kind, sizes, layers, directions or bias differ.
    """
    for linear, weight_name, bias_name in _torch_pairs(layer, rnn):
        linear.weight.copy_(getattr(rnn, weight_name))
        if linear.bias is not None:
            linear.bias.copy_(getattr(rnn, bias_name))
    return layer


@torch.no_grad()
def copy_to_torch(layer: RecurrentLayer, rnn: nn.RNNBase) -> nn.RNNBase:
    """Copy the weights of ``layer`` into an ``nn.GRU`` / ``nn.LSTM`` (in place) and return it.

    Raises ValueError when kind, sizes, layers, directions or bias differ.
    """
    for linear, weight_name, bias_name in _torch_pairs(layer, rnn):
        getattr(rnn, weight_name).copy_(linear.weight)
        if linear.bias is not None:
            getattr(rnn, bias_name).copy_(linear.bias)
    return rnn


def to_torch(layer: RecurrentLayer) -> nn.RNNBase:
    """Build a batch-first ``nn.GRU`` / ``nn.LSTM`` with the same settings and weights as ``layer``."""
    rnn_type = nn.GRU if layer.mode == "gru" else nn.LSTM
    rnn = rnn_type(
        layer.input_size, layer.hidden_size, num_layers=layer.num_layers, bias=layer.bias,
        batch_first=True, dropout=layer.dropout, bidirectional=layer.bidirectional,
    )
    first = next(layer.parameters())
    return copy_to_torch(layer, rnn.to(device=first.device, dtype=first.dtype))
