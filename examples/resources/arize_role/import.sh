# A custom role is imported by its ID. Arize's create error for a name that a
# role already has names that role's ID, and terraform query with the
# arize_role list resource finds it too. Predefined roles cannot be imported:
# look them up with the arize_role data source.
terraform import arize_role.prompt_engineer "Um9sZTo1OmFCY0Q="
