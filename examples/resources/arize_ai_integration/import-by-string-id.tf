import {
  to = arize_ai_integration.openai
  id = "TGxtSW50ZWdyYXRpb246MTI6YUJjRA=="
}
