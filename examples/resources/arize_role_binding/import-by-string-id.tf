import {
  to = arize_role_binding.carol_model_reviews
  id = "Um9sZUJpbmRpbmc6MTphQmNE"
}
