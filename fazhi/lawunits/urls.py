app_name = "lawunits"
urlpatterns: list = []
