"""The media library: ringback tones, IVR prompts and voicemail greetings of each account."""
