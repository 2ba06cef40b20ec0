"""The from-scratch cells against torch's nn.GRU / nn.LSTM, which serve as the reference."""

from __future__ import annotations

import itertools

import pytest
import torch
from torch import nn

from forecast import cells
from forecast.cells import (
    GRUCell,
    LSTMCell,
    RecurrentLayer,
    copy_from_torch,
    copy_to_torch,
    to_torch,
    trace_gates,
)

TOLERANCE = 1e-5
INPUT, HIDDEN, BATCH, STEPS = 5, 6, 3, 7

CONFIGS = list(itertools.product(("gru", "lstm"), (1, 2), (False, True), (True, False)))


def _pair(kind: str, num_layers: int, bidirectional: bool, bias: bool, seed: int = 0):
    torch.manual_seed(seed)
    rnn_type = nn.GRU if kind == "gru" else nn.LSTM
    rnn = rnn_type(INPUT, HIDDEN, num_layers=num_layers, bidirectional=bidirectional, bias=bias, batch_first=True)
    layer = RecurrentLayer(kind, INPUT, HIDDEN, num_layers=num_layers, bidirectional=bidirectional, bias=bias)
    return rnn, copy_from_torch(layer, rnn)


def _states(kind: str, state) -> list[torch.Tensor]:
    return [state] if kind == "gru" else list(state)


def _torch_name(layer: RecurrentLayer, index: int, map_name: str, part: str) -> str:
    """Name of the torch parameter that matches ``cells[index].<map_name>.<part>``."""
    layer_number, direction = divmod(index, layer.directions)
    kind = "ih" if map_name == "input_to_hidden" else "hh"
    return f"{part}_{kind}_l{layer_number}" + ("_reverse" if direction else "")


@pytest.mark.parametrize("kind,num_layers,bidirectional,bias", CONFIGS)
def test_layer_matches_torch_forward_and_backward(kind, num_layers, bidirectional, bias):
    rnn, layer = _pair(kind, num_layers, bidirectional, bias)
    x = torch.randn(BATCH, STEPS, INPUT)
    x_torch, x_mine = x.clone().requires_grad_(), x.clone().requires_grad_()

    out_torch, state_torch = rnn(x_torch)
    out_mine, state_mine = layer(x_mine)

    assert out_mine.shape == out_torch.shape == (BATCH, STEPS, (2 if bidirectional else 1) * HIDDEN)
    torch.testing.assert_close(out_mine, out_torch, atol=TOLERANCE, rtol=0)
    for mine, theirs in zip(_states(kind, state_mine), _states(kind, state_torch), strict=True):
        assert mine.shape == theirs.shape == (num_layers * (2 if bidirectional else 1), BATCH, HIDDEN)
        torch.testing.assert_close(mine, theirs, atol=TOLERANCE, rtol=0)

    # The same scalar loss of outputs and final states, so gradients reach every weight.
    weights = torch.randn_like(out_torch)
    loss_torch = (out_torch * weights).sum() + sum(s.pow(2).sum() for s in _states(kind, state_torch))
    loss_mine = (out_mine * weights).sum() + sum(s.pow(2).sum() for s in _states(kind, state_mine))
    loss_torch.backward()
    loss_mine.backward()

    torch.testing.assert_close(x_mine.grad, x_torch.grad, atol=TOLERANCE, rtol=0)
    torch_parameters = dict(rnn.named_parameters())
    checked = 0
    for index, cell in enumerate(layer.cells):
        for map_name in ("input_to_hidden", "hidden_to_hidden"):
            for part, parameter in getattr(cell, map_name).named_parameters():
                reference = torch_parameters[_torch_name(layer, index, map_name, part)]
                torch.testing.assert_close(parameter.grad, reference.grad, atol=TOLERANCE, rtol=0)
                checked += 1
    assert checked == len(torch_parameters)


@pytest.mark.parametrize("kind", ["gru", "lstm"])
def test_layer_initial_state_matches_torch(kind):
    rnn, layer = _pair(kind, 2, True, True)
    x = torch.randn(BATCH, STEPS, INPUT)
    h0 = torch.randn(4, BATCH, HIDDEN)
    hx = h0 if kind == "gru" else (h0, torch.randn(4, BATCH, HIDDEN))

    out_torch, state_torch = rnn(x, hx)
    out_mine, state_mine = layer(x, hx)

    torch.testing.assert_close(out_mine, out_torch, atol=TOLERANCE, rtol=0)
    for mine, theirs in zip(_states(kind, state_mine), _states(kind, state_torch), strict=True):
        torch.testing.assert_close(mine, theirs, atol=TOLERANCE, rtol=0)


def test_layer_rejects_wrong_state_shape():
    layer = RecurrentLayer("gru", INPUT, HIDDEN)
    with pytest.raises(ValueError, match=r"initial state of shape \(1, 3, 6\)"):
        layer(torch.randn(BATCH, STEPS, INPUT), torch.zeros(2, BATCH, HIDDEN))


def test_layer_rejects_wrong_input_width():
    layer = RecurrentLayer("lstm", INPUT, HIDDEN)
    with pytest.raises(ValueError, match=r"input of shape \(B, T, 5\)"):
        layer(torch.randn(BATCH, STEPS, INPUT + 1))


def test_layer_rejects_unknown_cell():
    with pytest.raises(ValueError, match="valid kinds: gru, lstm"):
        RecurrentLayer("rnn", INPUT, HIDDEN)


@pytest.mark.parametrize("kind", ["gru", "lstm"])
def test_dropout_only_in_training(kind):
    torch.manual_seed(0)
    layer = RecurrentLayer(kind, INPUT, HIDDEN, num_layers=2, dropout=0.5)
    reference = to_torch(layer).eval()
    x = torch.randn(BATCH, STEPS, INPUT)

    layer.eval()
    torch.testing.assert_close(layer(x)[0], reference(x)[0], atol=TOLERANCE, rtol=0)
    layer.train()
    first, second = layer(x)[0], layer(x)[0]
    assert not torch.allclose(first, second)


@pytest.mark.parametrize("kind", ["gru", "lstm"])
def test_copy_round_trip(kind):
    torch.manual_seed(1)
    layer = RecurrentLayer(kind, INPUT, HIDDEN, num_layers=2, bidirectional=True)
    rnn_type = nn.GRU if kind == "gru" else nn.LSTM
    rnn = rnn_type(INPUT, HIDDEN, num_layers=2, bidirectional=True, batch_first=True)

    copy_to_torch(layer, rnn)
    back = copy_from_torch(RecurrentLayer(kind, INPUT, HIDDEN, num_layers=2, bidirectional=True), rnn)

    for (name, original), (_, copied) in zip(layer.state_dict().items(), back.state_dict().items(), strict=True):
        assert torch.equal(original, copied), name


def test_copy_rejects_mismatched_layer():
    layer = RecurrentLayer("gru", INPUT, HIDDEN)
    with pytest.raises(ValueError, match="hidden_size: 6 here, 8 in torch"):
        copy_from_torch(layer, nn.GRU(INPUT, 8, batch_first=True))
    with pytest.raises(ValueError, match="mode: GRU here, LSTM in torch"):
        copy_to_torch(layer, nn.LSTM(INPUT, HIDDEN, batch_first=True))


def test_parameter_counts_match_torch():
    for kind, bidirectional in itertools.product(("gru", "lstm"), (False, True)):
        rnn, layer = _pair(kind, 2, bidirectional, True)
        assert sum(p.numel() for p in layer.parameters()) == sum(p.numel() for p in rnn.parameters())


def test_gru_has_three_quarters_of_lstm_weights():
    gru = RecurrentLayer("gru", 28, 128)
    lstm = RecurrentLayer("lstm", 28, 128)
    count = lambda module: sum(p.numel() for p in module.parameters())  # noqa: E731
    assert 4 * count(gru) == 3 * count(lstm)


def test_cells_match_torch_cells():
    torch.manual_seed(2)
    x, h, c = torch.randn(BATCH, INPUT), torch.randn(BATCH, HIDDEN), torch.randn(BATCH, HIDDEN)
    for mine, theirs in ((GRUCell(INPUT, HIDDEN), nn.GRUCell(INPUT, HIDDEN)), (LSTMCell(INPUT, HIDDEN), nn.LSTMCell(INPUT, HIDDEN))):
        with torch.no_grad():
            mine.input_to_hidden.weight.copy_(theirs.weight_ih)
            mine.input_to_hidden.bias.copy_(theirs.bias_ih)
            mine.hidden_to_hidden.weight.copy_(theirs.weight_hh)
            mine.hidden_to_hidden.bias.copy_(theirs.bias_hh)
        if isinstance(mine, GRUCell):
            torch.testing.assert_close(mine(x, h), theirs(x, h), atol=TOLERANCE, rtol=0)
        else:
            for got, expected in zip(mine(x, (h, c)), theirs(x, (h, c)), strict=True):
                torch.testing.assert_close(got, expected, atol=TOLERANCE, rtol=0)


def test_gru_update_gate_near_one_keeps_state():
    """PyTorch's convention: z_t = 1 keeps h_{t-1}, whatever the candidate."""
    cell = GRUCell(INPUT, HIDDEN)
    with torch.no_grad():
        cell.input_to_hidden.bias[HIDDEN : 2 * HIDDEN].fill_(50.0)  # saturate z
    h = torch.randn(BATCH, HIDDEN)
    torch.testing.assert_close(cell(torch.randn(BATCH, INPUT), h), h, atol=1e-6, rtol=0)


@pytest.mark.parametrize("kind,direction", [("gru", 0), ("lstm", 0), ("gru", 1), ("lstm", 1)])
def test_trace_gates_replays_outputs(kind, direction):
    torch.manual_seed(3)
    layer = RecurrentLayer(kind, INPUT, HIDDEN, num_layers=2, bidirectional=True)
    x = torch.randn(BATCH, STEPS, INPUT)
    gates = trace_gates(layer, x, layer_index=-1, direction=direction)

    assert list(gates) == list(cells.GATE_NAMES[kind])
    for name, values in gates.items():
        assert values.shape == (BATCH, STEPS, HIDDEN), name
    # Rebuild the layer's last-layer outputs from the recorded gates.
    output = layer.eval()(x)[0][:, :, direction * HIDDEN : (direction + 1) * HIDDEN]  # (B, T, H)
    if kind == "lstm":
        rebuilt = gates["output"] * torch.tanh(gates["cell_state"])
    else:
        order = range(STEPS - 1, -1, -1) if direction else range(STEPS)
        h = torch.zeros(BATCH, HIDDEN)
        steps = []
        for t in order:
            z, n = gates["update"][:, t], gates["candidate"][:, t]
            h = (1 - z) * n + z * h
            steps.append((t, h))
        rebuilt = torch.stack([h for _, h in sorted(steps, key=lambda item: item[0])], dim=1)
    torch.testing.assert_close(rebuilt, output, atol=TOLERANCE, rtol=0)
    for name in gates:
        if name not in ("candidate", "cell_candidate", "cell_state"):
            assert gates[name].min() >= 0, name
            assert gates[name].max() <= 1, name


def test_compiled_step_equals_eager():
    torch.manual_seed(4)
    eager = RecurrentLayer("gru", INPUT, HIDDEN, bidirectional=True)
    compiled = RecurrentLayer("gru", INPUT, HIDDEN, bidirectional=True, compile=True)
    compiled.load_state_dict(eager.state_dict())
    x = torch.randn(BATCH, STEPS, INPUT)

    out_eager, h_eager = eager(x)
    out_compiled, h_compiled = compiled(x)
    out_eager.sum().backward()
    out_compiled.sum().backward()

    status = cells.compile_status()
    assert compiled.compiled == status["available"]
    torch.testing.assert_close(out_compiled, out_eager, atol=TOLERANCE, rtol=0)
    torch.testing.assert_close(h_compiled, h_eager, atol=TOLERANCE, rtol=0)
    for (name, a), (_, b) in zip(eager.named_parameters(), compiled.named_parameters(), strict=True):
        torch.testing.assert_close(b.grad, a.grad, atol=TOLERANCE, rtol=0, msg=name)


def test_compile_failure_falls_back_to_eager(monkeypatch, caplog):
    def broken(*args, **kwargs):
        raise RuntimeError("no C compiler found")

    monkeypatch.setattr(cells, "_compile_failure", None)
    monkeypatch.setattr(cells, "_compiled_steps", {"lstm": broken})
    layer = RecurrentLayer("lstm", INPUT, HIDDEN, compile=True)
    reference = to_torch(layer)
    x = torch.randn(BATCH, STEPS, INPUT)

    output, _ = layer(x)

    assert layer.compiled is False
    assert cells.compile_status()["available"] is False
    assert "no C compiler found" in cells.compile_status()["error"]
    assert "torch.compile failed" in caplog.text
    torch.testing.assert_close(output, reference(x)[0], atol=TOLERANCE, rtol=0)
