import {
  to = arize_user.erin
  identity = {
    id = "VXNlcjo1OmVFZUU="
  }
}
