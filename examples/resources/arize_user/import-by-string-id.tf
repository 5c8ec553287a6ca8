import {
  to = arize_user.erin
  id = "erin@example.com" # or the user's ID
}
