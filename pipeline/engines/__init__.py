"""Engines that drive the stages over many inputs: `local` (one process, or a pool of workers
with a single writer) and `distributed` (shard tasks on a Dask cluster writing Parquet)."""
