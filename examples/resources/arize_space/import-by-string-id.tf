import {
  to = arize_space.fraud
  id = "T3JnYW5pemF0aW9uOjE6YUJjRA==/U3BhY2U6MTpWNEth"
}
