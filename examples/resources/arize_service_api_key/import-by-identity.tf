import {
  to = arize_service_api_key.pipeline
  identity = {
    id       = "QXBpS2V5OjEwMDE6YUJjRA=="
    space_id = "U3BhY2U6MTpWNEth"
  }
}
