import {
  to = arize_role_binding.carol_model_reviews
  identity = {
    id = "Um9sZUJpbmRpbmc6MTphQmNE"
  }
}
