"""The web front end: the chat widget (/widget.js), the full-page chat (/), and a demo host page (/demo)."""
