from marsad.run.caching import WordCache


def test_word_cache_stays_within_its_size_on_an_endless_stream_of_new_words():
    cache: WordCache[str, int] = WordCache(size=100)
    for i in range(10_000):
        cache.put(f"w{i}", i)
        assert len(cache.recent) + len(cache.older) <= 100
    assert cache.get("w9999") == 9999
    assert cache.get("w0") is None  # long gone


def test_a_word_looked_up_again_survives_the_turn_of_a_generation():
    cache: WordCache[str, int] = WordCache(size=10)  # generations of 5
    cache.put("hot", 1)
    for i in range(4):
        cache.put(f"cold{i}", i)
    for i in range(4, 14):  # two turns of the generation; "hot" is asked for in between
        cache.put(f"cold{i}", i)
        assert cache.get("hot") == 1
    assert cache.get("cold0") is None


def test_falsy_values_are_cached_values_not_misses():
    cache: WordCache[str, tuple] = WordCache(size=4)
    cache.put("none-here", ())
    assert cache.get("none-here") == ()
    assert cache.get("never-put") is None
