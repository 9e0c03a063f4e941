"""A cluster backend: one index spread over Xapian shard servers, searched and updated as if local.

The index folder is an ordinary index folder (index.py: generations and an
atomic CURRENT) whose generations hold no data: each names the shard
servers (CLUSTER.json, written by `news-search cluster init`), and its
articles live on them, tagged with the generation's name. Publishing a
rebuild is still one rename on this machine, for every shard at once; the
replaced generation's articles are then deleted from the shards.

config.py (shards and settings) -> network.py (connections, errors naming
the shard) -> reader.py, writer.py; server.py runs a shard server
(Debian's xapian-tcpsrv); backend.py is the seam's Backend. Needs the Xapian
extra, as the local backend does; config.py does not, so that index.py can
recognise a cluster folder on an install without Xapian (this file imports
nothing for that reason).
"""
