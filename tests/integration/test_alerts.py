"""The failure alert (flows/alerts.py) on a real server. `python -m flows.alerts` as `make serve`
runs it, first without settings (the default: the firing only shows in the Event Feed), a
deployment run that fails (its documents folder is not mounted), then again with a webhook URL
(the same automation, updated) and a second failing run: a webhook on loopback receives that
alert, and the server's events record both firings. About 50 s on 2 cores."""
from __future__ import annotations

import queue
import subprocess
import sys
import time
from contextlib import contextmanager
from uuid import UUID

import pytest

from flows import alerts, stack
from kzwatch.settings import Settings
from tests.integration.webhook import webhook_receiver

pytestmark = pytest.mark.slow


@contextmanager
def api(api_url: str):
    from prefect.client.orchestration import get_client
    from prefect.settings import PREFECT_API_URL, temporary_settings

    with (temporary_settings(updates={PREFECT_API_URL: api_url}),
          get_client(sync_client=True) as client):
        yield client


def make_serve_alerts(api_url: str, env: dict[str, str]) -> str:
    """The `make serve` step: `python -m flows.alerts` with PREFECT_API_URL set."""
    res = subprocess.run([sys.executable, "-m", "flows.alerts"], cwd=stack.PROJECT_DIR,
                         env=dict(env, PREFECT_API_URL=api_url), capture_output=True,
                         text=True, timeout=90, stdin=subprocess.DEVNULL)
    assert res.returncode == 0, res.stderr[-3000:]
    return res.stdout


def automation_events(api_url: str, wanted: int, timeout: float = 30) -> list:
    """The automation's events (newest first), once `wanted` firings are recorded (the
    server persists events in batches)."""
    from prefect.events.filters import EventFilter, EventNameFilter, EventResourceFilter

    with api(api_url) as client:
        automation = client.read_automations_by_name(alerts.AUTOMATION)[0]
        deadline = time.monotonic() + timeout
        while True:
            events = client.read_events(EventFilter(
                event=EventNameFilter(prefix=["prefect.automation."]),
                resource=EventResourceFilter(id=[f"prefect.automation.{automation.id}"])),
                limit=50).events
            executed = [e for e in events if e.event == "prefect.automation.action.executed"]
            if len(executed) >= wanted or time.monotonic() > deadline:
                return events
            time.sleep(1)


@pytest.fixture(scope="module")
def failed_runs(tmp_path_factory):
    root = tmp_path_factory.mktemp("alerts")
    home = root / "prefect-home"
    with webhook_receiver() as (url, received), stack.prefect_server(home) as api_url:
        env = stack.stack_env(home)
        stack.deploy(api_url, stack.PROJECT_DIR, env)
        run_env = dict(env, KZWATCH_DOCUMENTS=str(root / "not-mounted"),
                       KZWATCH_WAREHOUSE=str(root / "warehouse" / "kzwatch.duckdb"))
        outputs = [make_serve_alerts(api_url, env)]  # no settings: do-nothing
        quiet_run = UUID(stack.run_deployment_once(api_url, env=run_env, timeout=150))
        automation_events(api_url, 1)  # that firing is done before the automation changes
        outputs.append(make_serve_alerts(api_url, dict(env, KZWATCH_ALERT_WEBHOOK_URL=url)))
        alerted_run = UUID(stack.run_deployment_once(api_url, env=run_env, timeout=150))
        t0 = time.monotonic()
        try:
            post = received.get(timeout=60)
        except queue.Empty:
            post = None
        yield {"api": api_url, "quiet_run": quiet_run, "alerted_run": alerted_run,
               "post": post, "waited": time.monotonic() - t0, "outputs": outputs,
               "received": received}


def _blocks(api_url):
    with api(api_url) as client:
        return [b for b in client.read_block_documents() if b.name.startswith("kzwatch-")]


def test_make_serve_twice_leaves_one_automation(failed_runs):
    with api(failed_runs["api"]) as client:
        automations = client.read_automations()
    assert [a.name for a in automations] == [alerts.AUTOMATION]
    ids = {out.split("(")[1].split(")")[0] for out in failed_runs["outputs"]}
    assert ids == {str(automations[0].id)}, failed_runs["outputs"]
    assert failed_runs["outputs"][0].rstrip().endswith(": do-nothing")
    automation = automations[0]
    assert automation.enabled
    assert automation.trigger.posture == "Reactive"
    assert automation.trigger.expect == {"prefect.flow-run.Failed", "prefect.flow-run.Crashed"}
    assert [a.type for a in automation.actions] == ["send-notification"]
    assert [b.name for b in _blocks(failed_runs["api"])] == [alerts.WEBHOOK_BLOCK]


def test_a_failed_run_posts_the_alert_to_the_webhook(failed_runs):
    with api(failed_runs["api"]) as client:
        run = client.read_flow_run(failed_runs["alerted_run"])
    assert run.state is not None and run.state.is_failed(), run.state
    assert failed_runs["post"] is not None, "no alert reached the webhook within 60 s"
    path, payload = failed_runs["post"]
    assert path == "/kzwatch-alert"
    assert payload["subject"] == f"kzwatch: run {run.name} failed", payload
    assert str(run.id) in payload["body"] and "does not exist" in payload["body"], payload
    assert "not-mounted" in payload["body"]
    ui = failed_runs["api"].removesuffix("/api")
    assert f"Run page: {ui}/runs/flow-run/{run.id}" in payload["body"], payload
    assert payload["text"].startswith(payload["subject"])
    assert failed_runs["waited"] < 30, failed_runs["waited"]
    assert failed_runs["received"].empty()  # the first run, before the URL was set: no POST


def test_both_firings_show_in_the_event_feed(failed_runs):
    events = automation_events(failed_runs["api"], 2)
    executed = sorted(e.payload["action_type"] for e in events
                      if e.event == "prefect.automation.action.executed")
    assert executed == ["do-nothing", "send-notification"], [e.event for e in events]
    triggered = [e for e in events if e.event == "prefect.automation.triggered"]
    assert len(triggered) == 2, [e.event for e in events]
    text = " ".join(e.model_dump_json() for e in triggered)
    assert str(failed_runs["quiet_run"]) in text and str(failed_runs["alerted_run"]) in text


def test_e_mail_needs_a_sendgrid_key_and_updates_the_same_automation(failed_runs):
    with api(failed_runs["api"]) as client:
        before = client.read_automations_by_name(alerts.AUTOMATION)
        with pytest.raises(alerts.AlertConfigError, match="SENDGRID_API_KEY"):
            alerts.ensure_alert_automation(Settings(alert_email="ops@example.org"))
        mail = alerts.ensure_alert_automation(Settings(
            alert_email="ops@example.org", alert_sendgrid_api_key="SG.test",
            alert_webhook_url="http://127.0.0.1:9/hook"))
    assert [mail.id] == [a.id for a in before]
    assert [a.type for a in mail.actions] == ["send-notification", "send-notification"]
    blocks = {b.name: b for b in _blocks(failed_runs["api"])}
    assert blocks[alerts.EMAIL_BLOCK].block_type.slug == "sendgrid-email"
    assert blocks[alerts.EMAIL_BLOCK].data["to_emails"] == ["ops@example.org"]
    assert blocks[alerts.WEBHOOK_BLOCK].data["url"] == "http://127.0.0.1:9/hook"
