"""The alert on a failed kzwatch-etl run: a Prefect automation, created or updated by name.

    PREFECT_API_URL=http://127.0.0.1:4200/api .venv/bin/python -m flows.alerts

(`make serve` runs it.) The automation reacts to a kzwatch-etl flow run entering Failed or
Crashed. Every firing shows in the UI's Event Feed ("Automation triggered" and "Action
executed", linked to the run) and on the Automations page; with KZWATCH_ALERT_WEBHOOK_URL it
also POSTs the alert as JSON, with KZWATCH_ALERT_EMAIL (and a SendGrid API key) it e-mails it.
Running it again updates the same automation and the same blocks in place.
"""
from __future__ import annotations

import sys

from prefect.blocks.notifications import CustomWebhookNotificationBlock, SendgridEmail
from prefect.client.orchestration import get_client
from prefect.events.actions import DoNothing, SendNotification
from prefect.events.schemas.automations import (
    Automation,
    AutomationCore,
    EventTrigger,
    Posture,
)

from kzwatch.settings import Settings, get_settings

AUTOMATION = "kzwatch-etl failed"
FLOW = "kzwatch-etl"
WEBHOOK_BLOCK = "kzwatch-alert-webhook"
EMAIL_BLOCK = "kzwatch-alert-email"
EVENTS = ("prefect.flow-run.Failed", "prefect.flow-run.Crashed")

SUBJECT = "kzwatch: run {{ flow_run.name }} {{ flow_run.state.name | lower }}"
BODY = """Flow run {{ flow_run.name }} ({{ flow_run.id }}) of {{ flow.name }}\
{% if deployment %} (deployment {{ deployment.name }}){% endif %} entered \
{{ flow_run.state.name }} at {{ flow_run.state.timestamp }}.
{{ flow_run.state.message }}
The published warehouse is unchanged; the next run that publishes records this failure in \
raw.pipeline_runs.
{% if flow_run|ui_url %}Run page: {{ flow_run|ui_url }}{% endif %}"""


class AlertConfigError(ValueError):
    """The alert settings ask for something that cannot be sent."""


def trigger() -> EventTrigger:
    """A kzwatch-etl flow run (any deployment, or none) entering Failed or Crashed."""
    return EventTrigger(
        match={"prefect.resource.id": "prefect.flow-run.*"},
        match_related={"prefect.resource.role": "flow", "prefect.resource.name": FLOW},
        expect=set(EVENTS), posture=Posture.Reactive, threshold=1, within=0)


def _save(block, name: str):
    """Save a block document under `name` (overwriting it); return its id."""
    return block.save(name, overwrite=True)


def notification_actions(settings: Settings) -> list:
    """The actions the settings ask for; DoNothing when none (the firing still shows in the
    Event Feed)."""
    actions: list = []
    if settings.alert_webhook_url:
        block = CustomWebhookNotificationBlock(
            name=WEBHOOK_BLOCK, url=settings.alert_webhook_url, method="POST",
            json_data={"subject": "{{subject}}", "body": "{{body}}",
                       "text": "{{subject}}\n{{body}}"})
        actions.append(SendNotification(block_document_id=_save(block, WEBHOOK_BLOCK),
                                        subject=SUBJECT, body=BODY))
    if settings.alert_email:
        if not settings.alert_sendgrid_api_key:
            raise AlertConfigError(
                "KZWATCH_ALERT_EMAIL needs KZWATCH_ALERT_SENDGRID_API_KEY: Prefect sends e-mail "
                "through SendGrid out of the box (SMTP needs the prefect-email package, which "
                "kzwatch does not install); or use KZWATCH_ALERT_WEBHOOK_URL")
        block = SendgridEmail(api_key=settings.alert_sendgrid_api_key.get_secret_value(),
                              sender_email=settings.alert_email_sender or settings.alert_email,
                              to_emails=[settings.alert_email], notify_type="failure")
        actions.append(SendNotification(block_document_id=_save(block, EMAIL_BLOCK),
                                        subject=SUBJECT, body=BODY))
    return actions or [DoNothing()]


def ensure_alert_automation(settings: Settings | None = None) -> Automation:
    """Create the automation, or update it in place (one automation of that name remains);
    return it as the server has it. Uses the current PREFECT_API_URL."""
    settings = settings or get_settings()
    core = AutomationCore(
        name=AUTOMATION, enabled=True, trigger=trigger(),
        actions=notification_actions(settings),
        description="A kzwatch-etl flow run failed or crashed: the published warehouse was "
                    "not replaced. Created by `make serve` (flows/alerts.py).")
    with get_client(sync_client=True) as client:
        existing = sorted(client.read_automations_by_name(AUTOMATION), key=lambda a: str(a.id))
        if existing:
            keep, *extra = existing
            client.update_automation(keep.id, core)
            for duplicate in extra:  # made by hand in the UI, or by an older version
                client.delete_automation(duplicate.id)
            automation_id = keep.id
        else:
            automation_id = client.create_automation(core)
        automation = client.read_automation(automation_id)
    assert automation is not None
    return automation


def main() -> int:
    try:
        automation = ensure_alert_automation()
    except AlertConfigError as exc:
        print(f"flows.alerts: {exc}", file=sys.stderr)
        return 2
    kinds = ", ".join(a.type for a in automation.actions)
    print(f"automation {automation.name!r} ({automation.id}): on "
          f"{' / '.join(sorted(EVENTS))} of {FLOW}: {kinds}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
