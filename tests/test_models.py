import pytest
import torch

from forecast.errors import ForecastError
from forecast.models import ModelConfig, build_model, count_parameters, last_layer_state


@pytest.mark.parametrize("name", ["gru", "lstm", "bilstm"])
@pytest.mark.parametrize("layers", [1, 2])
@pytest.mark.parametrize("impl", ["fused", "cell"])
def test_regressor_output_shape(name, layers, impl):
    model = build_model(ModelConfig(name, input_size=3, horizon=4, hidden_size=8, num_layers=layers, impl=impl))
    assert model(torch.randn(5, 12, 3)).shape == (5, 4)


def test_bidirectional_head_takes_both_directions():
    model = build_model(ModelConfig("bilstm", input_size=2, hidden_size=8))
    assert model.head[1].in_features == 16


def test_last_layer_state_both_directions():
    # h_n for 2 layers x 2 directions, batch 3, hidden 4, filled with its own (layer, direction) id.
    h_n = torch.stack([torch.full((3, 4), float(i)) for i in range(4)])
    state = last_layer_state(h_n, num_layers=2, directions=2)
    assert state.shape == (3, 8)
    assert torch.all(state[:, :4] == 2)
    assert torch.all(state[:, 4:] == 3)


def test_gru_has_three_quarters_of_lstm_recurrent_weights():
    gru = build_model(ModelConfig("gru", input_size=1, hidden_size=32))
    lstm = build_model(ModelConfig("lstm", input_size=1, hidden_size=32))
    assert count_parameters(gru.rnn) * 4 == count_parameters(lstm.rnn) * 3


def test_unknown_model_lists_valid_names():
    with pytest.raises(ForecastError, match="Valid models: gru, lstm, bilstm"):
        ModelConfig("rnn", input_size=1)


def test_unknown_impl_is_rejected():
    with pytest.raises(ForecastError, match="fused, cell"):
        ModelConfig("gru", input_size=1, impl="fast")
