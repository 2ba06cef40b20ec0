"""Recurrent regressors: GRU, LSTM and bidirectional LSTM, built from one config.

Shape key: B batch, T time steps (the window), F input features, H hidden
units, D directions (1 or 2), K horizon (values predicted per sample).
"""

from __future__ import annotations

from dataclasses import asdict, dataclass

import torch
from torch import nn

from forecast.errors import ForecastError

# Model name -> (recurrent cell kind, bidirectional).
MODEL_KINDS: dict[str, tuple[str, bool]] = {
    "gru": ("gru", False),
    "lstm": ("lstm", False),
    "bilstm": ("lstm", True),
}
MODEL_LABELS = {"gru": "GRU", "lstm": "LSTM", "bilstm": "biLSTM"}
IMPLS = ("fused", "cell")


@dataclass(frozen=True)
class ModelConfig:
    """Architecture of one recurrent regressor."""

    name: str  # "gru", "lstm" or "bilstm"
    input_size: int  # F, features per time step
    horizon: int = 1  # K, future values predicted at once
    hidden_size: int = 64  # H, units per direction and layer
    num_layers: int = 1  # stacked recurrent layers
    dropout: float = 0.0  # between recurrent layers (needs num_layers > 1) and in the head
    head_size: int = 128  # width of the hidden layer of the head
    impl: str = "fused"  # "fused": torch's nn.GRU / nn.LSTM; "cell": the from-scratch cells

    def __post_init__(self) -> None:
        if self.name not in MODEL_KINDS:
            raise ForecastError("unknown_model", self.name, valid=", ".join(MODEL_KINDS))
        if self.impl not in IMPLS:
            raise ForecastError("unknown_impl", self.impl, valid=", ".join(IMPLS))

    @property
    def cell(self) -> str:
        return MODEL_KINDS[self.name][0]

    @property
    def bidirectional(self) -> bool:
        return MODEL_KINDS[self.name][1]

    def to_dict(self) -> dict:
        return asdict(self)


def make_recurrent_layer(
    cell: str,
    impl: str,
    input_size: int,
    hidden_size: int,
    num_layers: int = 1,
    dropout: float = 0.0,
    bidirectional: bool = False,
) -> nn.Module:
    """Build a batch-first GRU or LSTM layer stack, torch's or the from-scratch one.

    Both kinds take (B, T, F) and return ``(output, h_n)`` for GRU and
    ``(output, (h_n, c_n))`` for LSTM, in ``nn.GRU`` / ``nn.LSTM`` shapes.
    """
    if impl not in IMPLS:
        raise ForecastError("unknown_impl", impl, valid=", ".join(IMPLS))
    # Dropout between layers only exists with more than one layer; torch warns otherwise.
    between = dropout if num_layers > 1 else 0.0
    if impl == "fused":
        layer_type = nn.GRU if cell == "gru" else nn.LSTM
        return layer_type(
            input_size, hidden_size, num_layers=num_layers, dropout=between,
            bidirectional=bidirectional, batch_first=True,
        )
    from forecast.cells import RecurrentLayer

    return RecurrentLayer(
        cell, input_size, hidden_size, num_layers=num_layers, dropout=between, bidirectional=bidirectional
    )


def last_layer_state(h_n: torch.Tensor, num_layers: int, directions: int) -> torch.Tensor:
    """Take the final hidden state of the last layer, both directions concatenated.

    ``h_n`` is (num_layers * D, B, H) as torch returns it; the result is (B, D * H).
    Folding ``h_n`` with ``view(-1, H)`` would mix layers and directions into the batch.
    """
    batch, hidden = h_n.shape[1], h_n.shape[2]
    last = h_n.view(num_layers, directions, batch, hidden)[-1]  # (D, B, H)
    return last.permute(1, 0, 2).reshape(batch, directions * hidden)  # (B, D * H)


class RecurrentRegressor(nn.Module):
    """Recurrent layers, then a small head from the last hidden state to K values.

    Head: ReLU -> Linear(D * H, head_size) -> ReLU -> Dropout -> Linear(head_size, K).
    """

    def __init__(self, config: ModelConfig) -> None:
        super().__init__()
        self.config = config
        self.directions = 2 if config.bidirectional else 1
        self.rnn = make_recurrent_layer(
            config.cell, config.impl, config.input_size, config.hidden_size,
            config.num_layers, config.dropout, config.bidirectional,
        )
        self.head = nn.Sequential(
            nn.ReLU(),
            nn.Linear(self.directions * config.hidden_size, config.head_size),
            nn.ReLU(),
            nn.Dropout(config.dropout),
            nn.Linear(config.head_size, config.horizon),
        )

    def forward(self, x: torch.Tensor) -> torch.Tensor:
        """Map (B, T, F) windows to (B, K) forecasts in scaled units."""
        _, state = self.rnn(x)
        h_n = state[0] if isinstance(state, tuple) else state  # LSTM returns (h_n, c_n)
        features = last_layer_state(h_n, self.config.num_layers, self.directions)  # (B, D * H)
        return self.head(features)  # (B, K)


def build_model(config: ModelConfig) -> RecurrentRegressor:
    """Build the regressor described by ``config``; unknown names raise ForecastError."""
    return RecurrentRegressor(config)


def count_parameters(model: nn.Module) -> int:
    """Return the number of trainable parameters."""
    return sum(p.numel() for p in model.parameters() if p.requires_grad)
