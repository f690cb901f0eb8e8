app_name = "advisers"

urlpatterns: list = []
