"""Signals other apps may listen to; maatwerk imports none of them.

``referral_changed`` is sent by ``maatwerk.services`` after a referral's decision or care
period was saved, inside the same transaction (the dossier and referral are locked), with
``referral`` and ``user``. A receiver that raises rolls the change back. The plan app uses it
to keep the dates of a linked action in step (docs/adr/0020)."""

from django.dispatch import Signal

referral_changed = Signal()
