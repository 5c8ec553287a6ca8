import {
  to = arize_space.fraud
  identity = {
    id = "U3BhY2U6MTpWNEth"
  }
}
