# A service key is imported by "<space_id>/<key_id>": Arize lists service keys
# only by space, so the space must be one the key has a role in. Arize never
# answers a key's secret again, so key is null after an import: set or change
# rotation to rotate the key and have its new secret in state. Arize cannot
# read a service key's roles back either: the next apply records the
# configured account_role and organizations in state, sending nothing to
# Arize. An ID with more than one "/" cannot be split safely: import such a
# key by its identity instead, with an import block (Terraform 1.12+).
terraform import arize_service_api_key.pipeline "U3BhY2U6MTpWNEth/QXBpS2V5OjEwMDE6YUJjRA=="
