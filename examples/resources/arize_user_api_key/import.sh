# A user key is imported by its ID. Only keys of the user behind the
# provider's API key can be: Arize lists a user's own keys. Arize never
# answers a key's secret again, so key is null after an import: set or change
# rotation to rotate the key and have its new secret in state.
terraform import arize_user_api_key.notebooks "QXBpS2V5OjEwMDE6YUJjRA=="
