import {
  to = arize_service_api_key.pipeline
  id = "U3BhY2U6MTpWNEth/QXBpS2V5OjEwMDE6YUJjRA=="
}
