"""The Dask executor gives exactly what the local one gives, on a LocalCluster (skipped without dask)."""

from __future__ import annotations

import dataclasses

import pytest

from conftest import ROOT

pytest.importorskip("distributed")

from distributed import Client, LocalCluster  # noqa: E402

from briefing import config, executors, pipeline  # noqa: E402
from briefing.annotate import load_knowledge  # noqa: E402

ARTICLES = {
    "rail_strike.txt": """Rail Unions Call Strike Over Pay

LONDON - Train drivers at three operators will strike on 14 March 2026, the Aslef union said on Tuesday,
after talks with the Rail Delivery Group broke down over a 4% pay offer.

General secretary Mick Whelan said members had rejected the offer by a large margin. The Department for
Transport said the strike was unnecessary and urged the union to return to talks before the end of the month.
""",
    "vaccine_plant.txt": """Vaccine Plant Opens in Kigali

KIGALI - Rwanda opened Africa's first mRNA vaccine plant on Friday, built by BioNTech with support from the
European Union, President Paul Kagame said at the ceremony.

The plant will make 50 million doses a year by 2027, the company said. Production of malaria and
tuberculosis vaccines is due to begin next year.
""",
}


@pytest.fixture(scope="module")
def cluster():
    with LocalCluster(n_workers=1, threads_per_worker=2, processes=False, dashboard_address=None) as c:
        yield c


@pytest.fixture(scope="module")
def project(tmp_path_factory):
    seeds = tmp_path_factory.mktemp("dask") / "seeds"
    seeds.mkdir()
    for name, text in ARTICLES.items():
        (seeds / name).write_text(text, encoding="utf-8")
        (seeds / name.replace(".txt", ".yml")).write_text("date: 2026-02-10\n", encoding="utf-8")
    return seeds


def test_dask_executor_matches_local(cluster, project):
    knowledge = load_knowledge(ROOT / "knowledge")
    articles, _ = pipeline.read_all(project)
    local = {i: (doc, err) for i, doc, err in executors.SerialExecutor(knowledge).annotate(articles)}
    with Client(cluster) as client:
        remote = {i: (doc, err) for i, doc, err in executors.DaskExecutor(knowledge, client=client).annotate(articles)}
    assert remote == local
    assert all(err is None and doc.mentions for doc, err in remote.values())


def test_pipeline_runs_on_a_scheduler_from_the_settings(cluster, project, tmp_path):
    """executor and scheduler, as mkdocs.yml's extra.briefing or the command line set them; the cache stays on
    this side."""
    local = pipeline.run(config.settings(ROOT, seeds=project, cache=False, workers=1))
    options = config.validated({"executor": "dask", "scheduler": cluster.scheduler_address, "cache": False})
    settings = dataclasses.replace(config.settings(ROOT, options, seeds=project), cache=tmp_path / "cache")
    assert (settings.executor, settings.scheduler) == ("dask", cluster.scheduler_address)
    remote = pipeline.run(settings)
    assert remote.corpus.docs == local.corpus.docs
    assert remote.corpus.timeline == local.corpus.timeline and remote.corpus.entities == local.corpus.entities
    assert len(list((tmp_path / "cache").rglob("*.json"))) == len(ARTICLES)


def test_unknown_executor_and_unreachable_scheduler_are_reported():
    knowledge = load_knowledge(ROOT / "knowledge")
    with pytest.raises(executors.ExecutorError, match="unknown executor"):
        executors.make_executor("spark", knowledge, ROOT / "knowledge", 1)
    bad = executors.DaskExecutor(knowledge, scheduler="tcp://127.0.0.1:9", timeout="2s")  # nothing listens there
    with pytest.raises(executors.ExecutorError, match="cannot reach"):
        list(bad.annotate(pipeline.read_all(ROOT / "seeds")[0][:1]))
