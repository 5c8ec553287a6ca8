import {
  to = arize_ai_integration.openai
  identity = {
    id = "TGxtSW50ZWdyYXRpb246MTI6YUJjRA=="
  }
}
