"""The warm handoff after consent, in rooms by job: starting it, rendering its messages, the staff's
buttons and commands, the resident's side (follow-up and relay), and the scheduler."""

from flows.handoff.relay import Relay
from flows.handoff.rendering import Delivery, Renderer
from flows.handoff.scheduler import Scheduler
from flows.handoff.staff_actions import StaffActions
from flows.handoff.staff_commands import StaffCommands
from flows.handoff.start import HandoffStart, Outgoing, enqueue

__all__ = ["Delivery", "HandoffStart", "Outgoing", "Relay", "Renderer", "Scheduler", "StaffActions",
           "StaffCommands", "enqueue"]
