"""The same pipeline on Apache Spark, for pools that outgrow one machine.

`crosscheck spark` reads, analyses, links and reconciles as `crosscheck run` does, with
Spark (pyspark) spreading the work over a cluster: per-article analysis as a map over
partitions; linking as keyed joins and groupings (document frequencies, blocking keys,
LSH buckets, candidate pairs, connected components) in place of the in-memory indexes of
a one-machine link; then each story's rewrites and record as a map over stories. Every
decision is taken by the functions a local run calls, on the same inputs, so both find the
same stories, derivations, origins and estimates (`tests/test_spark.py` holds them to it).
"""

from crosscheck.spark.job import SparkRun, run_on_spark

__all__ = ["SparkRun", "run_on_spark"]
