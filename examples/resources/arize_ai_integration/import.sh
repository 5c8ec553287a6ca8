# An integration is imported by its ID, as shown in the Arize UI or returned
# by the API.
terraform import arize_ai_integration.openai "TGxtSW50ZWdyYXRpb246MTI6YUJjRA=="
