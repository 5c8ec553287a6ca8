import {
  to = arize_space_member.bob_fraud
  id = "U3BhY2U6MTpWNEth/VXNlcjoyOmJCYkI="
}
