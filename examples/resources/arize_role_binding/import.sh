# A role binding is imported by its ID. When a create fails because the user
# already holds a binding on the resource, the error names that binding's ID;
# terraform query with the arize_role_binding list resource finds it too.
terraform import arize_role_binding.carol_model_reviews "Um9sZUJpbmRpbmc6MTphQmNE"
