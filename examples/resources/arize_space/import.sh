# A space is imported by its ID, as shown in the Arize UI or returned by the
# API. Arize does not say which organization a space is in, so the provider
# finds it by listing each organization's spaces. It is imported with
# deletion_protection = true, the default.
terraform import arize_space.fraud "U3BhY2U6MTpWNEth"

# Or by "<organization_id>/<space_id>", which spares that search. IDs may
# contain "/" themselves, so the provider splits the text only at a "/" where
# the part before is an organization that lists the part after as one of its
# spaces; otherwise it takes the whole text as the space's ID.
terraform import arize_space.fraud "T3JnYW5pemF0aW9uOjE6YUJjRA==/U3BhY2U6MTpWNEth"
