"""Streamlit widgets and charts of the app; computation stays in ``forecast``."""
