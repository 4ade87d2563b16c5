"""Connected components of an edge list on Spark: which articles end up in one story.

Min-label propagation: every article starts labelled by its own id and repeatedly takes
the smallest label among its neighbours' until no label changes. The number of rounds is
the longest path in a component; stories are small (a handful to a few hundred reports),
so a few rounds settle them, however many stories there are.
"""

from __future__ import annotations

from pyspark import RDD, StorageLevel


def components(vertices: RDD, edges: RDD, partitions: int) -> RDD:
    """(vertex, label) for every vertex: the smallest vertex id of its component.
    `vertices` holds ids, `edges` (a, b) pairs of them."""
    links = edges.flatMap(lambda e: (e, (e[1], e[0]))).distinct(partitions)
    links.persist(StorageLevel.MEMORY_AND_DISK)
    labels = vertices.map(lambda v: (v, v)).partitionBy(partitions)
    while True:
        offered = links.join(labels, partitions).map(lambda kv: (kv[1][0], kv[1][1]))
        updated = labels.union(offered).reduceByKey(min, partitions)
        updated.persist(StorageLevel.MEMORY_AND_DISK)
        changed = updated.join(labels, partitions).filter(lambda kv: kv[1][0] != kv[1][1]).count()
        labels.unpersist()
        labels = updated
        if not changed:
            break
    links.unpersist()
    return labels
