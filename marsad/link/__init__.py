"""Link: one record per real-world entity; near-duplicate and reused text across articles."""
