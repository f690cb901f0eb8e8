from django.http import HttpResponse
from django.urls import path

app_name = "example_app"
urlpatterns = [path("", lambda request: HttpResponse("示例"), name="index")]
