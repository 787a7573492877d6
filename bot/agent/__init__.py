"""The support-agent console: reply drafts with traces, the conversation log and coverage gaps."""
