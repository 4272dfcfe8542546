from django.core.management.base import BaseCommand, CommandError

from accounts.models import User
from reminders import services


class Command(BaseCommand):
    help = "Send the daily reminder email to one person now (outside the schedule)."

    def add_arguments(self, parser) -> None:
        parser.add_argument("email", help="The account's email address.")

    def handle(self, *args, email: str, **options) -> None:
        user = User.objects.filter(email__iexact=email.strip()).first()
        if user is None:
            raise CommandError(f"No account has the email address {email!r}.")
        services.reminder_send_test(user=user)
        self.stdout.write(self.style.SUCCESS(f"Sent a test reminder to {user.email}."))
