"""Reference knowledge about the world that releases talk about (governments and their ministries),
kept as reviewed data in ``models/`` and exposed through pure look-up functions."""
