"""Compare recurrent forecasters (GRU, LSTM, biLSTM) on daily prices, honestly.

The package never imports streamlit: the app in ``streamlit_app.py`` and the
command line (``python -m forecast``) both call the same functions.
"""

__version__ = "0.1.0"
