"""Optional choice fields the way every form of the platform asks them: checkboxes for
"choose all that apply", radio buttons for "choose one"."""

from django import forms


def vinkjes(label, choices, help_text="") -> forms.MultipleChoiceField:
    """An optional "choose all that apply" question."""
    return forms.MultipleChoiceField(
        label=label,
        choices=choices,
        required=False,
        widget=forms.CheckboxSelectMultiple,
        help_text=help_text,
    )


def keuze(label, choices, help_text="") -> forms.ChoiceField:
    """An optional "choose one" question."""
    return forms.ChoiceField(
        label=label,
        choices=choices,
        required=False,
        widget=forms.RadioSelect,
        help_text=help_text,
    )
