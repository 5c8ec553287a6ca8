import {
  to = arize_user_api_key.notebooks
  identity = {
    id = "QXBpS2V5OjEwMDE6YUJjRA=="
  }
}
