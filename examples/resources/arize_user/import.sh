# A user is imported by its ID, as the API returns it, or by its email
# (an import ID with an "@" is an email, matched ignoring case). It is
# imported with deletion_protection = true, the default, and no invite_mode:
# leave invite_mode out of an imported user's configuration, since it only
# says how a new user is brought in.
terraform import arize_user.erin "VXNlcjo1OmVFZUU="
terraform import arize_user.erin "erin@example.com"
