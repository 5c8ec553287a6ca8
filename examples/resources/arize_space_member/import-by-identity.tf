import {
  to = arize_space_member.bob_fraud
  identity = {
    space_id = "U3BhY2U6MTpWNEth"
    user_id  = "VXNlcjoyOmJCYkI="
  }
}
