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


def test_resolvers_are_shared_by_fingerprint() -> None:
    assert AliasResolver.load() is AliasResolver.load()
    assert AliasResolver.load().fingerprint == fingerprint()
