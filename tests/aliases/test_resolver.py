"""Index-time annotation: entity ids per confirmed mention, names' spelling keys."""

from __future__ import annotations

from search.aliases.resolver import AliasResolver, fingerprint


def test_annotation_counts_confirmed_mentions_across_title_and_body() -> None:
    resolver = AliasResolver.load()
    annotation = resolver.annotate("أحمد الشرع يلتقي ترامب", "وقال الشرع إن سوريا ... والشرع الإسلامي")
    assert annotation.entities.count("ahmed-al-sharaa") == 3  # the title confirms the body's الشرع
    assert annotation.entity_ids[:3] == ("ahmed-al-sharaa", "donald-trump", "syria")


def test_unconfirmed_ambiguous_mentions_are_not_counted() -> None:
    annotation = AliasResolver.load().annotate("الشرع الإسلامي", "تقوم الدولة بواجبها")
    assert annotation.entities == ()


def test_name_keys_for_unlisted_names() -> None:
    annotation = AliasResolver.load().annotate("", "Talks with Alshaibani and al-Shibani; الشيباني")
    assert "shibani" in annotation.name_keys


def test_consonant_keys_of_capitalised_latin_words_only() -> None:
    annotation = AliasResolver.load().annotate("Sellal opens the fair", "سلال يفتتح المعرض with Federer")
    assert {"سلل", "فدرر"} <= set(annotation.consonant_keys)
    assert "سلل" not in annotation.name_keys  # their own field: the names field's BM25 is unchanged
    assert AliasResolver.load().annotate("سلال يفتتح المعرض").consonant_keys == ()


def test_the_capitalised_latin_words_that_may_be_names_are_recorded_as_indexed() -> None:
    annotation = AliasResolver.load().annotate(
        "Film festival opens", "The film with Federer's coach, NASA and سلال"
    )
    # "The" is a stopword and NASA an acronym; "film" in lowercase is not recorded, "Film" is.
    assert annotation.capitalised == ("federer", "film")
    assert AliasResolver.load().annotate("the film opened").capitalised == ()


def test_resolvers_are_shared_by_fingerprint() -> None:
    assert AliasResolver.load() is AliasResolver.load()
    assert AliasResolver.load().fingerprint == fingerprint()


def test_threads_arriving_together_share_one_name_table(monkeypatch) -> None:
    # Built per thread, eight waitress threads spent 16 s of GIL on copies of it.
    import threading
    import time

    from search.aliases import resolver as resolver_module

    built = []
    real = resolver_module.shipped_table

    def counting_table():
        built.append(1)
        time.sleep(0.05)  # long enough for the other threads to arrive meanwhile
        return real()

    monkeypatch.setattr(resolver_module, "shipped_table", counting_table)
    fresh = AliasResolver(AliasResolver.load().lexicon)
    threads = [threading.Thread(target=lambda: fresh.names) for _ in range(4)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()
    assert len(built) == 1
    assert fresh.names.keys_for("Shaibani", False)
