import {
  to = arize_user_api_key.notebooks
  id = "QXBpS2V5OjEwMDE6YUJjRA=="
}
